using Controls.Web.Features.Ledger;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Reminds of the annual review of ledger entries and escalates overdue ones (each step once: see
/// <see cref="SendLedgerReviewReminders"/>). Daily: a failed run is retried three times that day.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class LedgerReviewReminderJob(SendLedgerReviewReminders reminders)
{
    public const string Name = "ledger-review-reminders";

    [JobDisplayName("Job.ledger-review-reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => $"sent: {await reminders.RunAsync(cancellationToken)}";
}
