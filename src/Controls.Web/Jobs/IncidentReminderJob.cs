using Controls.Web.Features.Incidents;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>Reminds of the outstanding PPC reports of reportable incidents (each step once: see <see cref="SendIncidentReminders"/>). Hourly: the next run catches up.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class IncidentReminderJob(SendIncidentReminders reminders)
{
    public const string Name = "incident-reminders";

    [JobDisplayName("Job.incident-reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => $"sent: {await reminders.RunAsync(cancellationToken)}";
}
