using Controls.Web.Features.Ledger;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Reminds department heads of the yearly re-assessment of their ledger entries' risks (each step
/// once: see <see cref="SendRiskAssessmentReminders"/>). Daily: a failed run is retried three times that day.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class RiskAssessmentReminderJob(SendRiskAssessmentReminders reminders)
{
    public const string Name = "risk-assessment-reminders";

    [JobDisplayName("Job.risk-assessment-reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => $"sent: {await reminders.RunAsync(cancellationToken)}";
}
