using Controls.Web.Features.Ledger;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Reminds of the annual review of ledger entries and escalates overdue ones (each step once: see <see cref="SendLedgerReviewReminders"/>).</summary>
[DisallowConcurrentExecution]
public sealed class LedgerReviewReminderJob(SendLedgerReviewReminders reminders) : IJob
{
    public static readonly JobKey Key = new("ledger-review-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        context.Result = $"sent: {sent}";
    }
}
