using Controls.Web.Features.Incidents;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Reminds of the outstanding PPC reports of reportable incidents (each step once: see <see cref="SendIncidentReminders"/>).</summary>
[DisallowConcurrentExecution]
public sealed class IncidentReminderJob(SendIncidentReminders reminders) : IJob
{
    public static readonly JobKey Key = new("incident-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        context.Result = $"sent: {sent}";
    }
}
