using Controls.Web.Features.Notifications;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>Sends due reminders and escalations (each step once: see <see cref="SendReminders"/>). Hourly: the next run catches up.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ReminderJob(SendReminders reminders)
{
    public const string Name = "reminders";

    [JobDisplayName("Job.reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => (await reminders.RunAsync(cancellationToken)).ToString();
}
