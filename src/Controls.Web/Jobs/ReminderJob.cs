using Controls.Web.Features.Notifications;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Sends due reminders and escalations (each step once: see <see cref="SendReminders"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(SendReminders reminders) : IJob
{
    public static readonly JobKey Key = new("reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await reminders.RunAsync(cancellationToken);
        context.Result = result.ToString();
    }
}
