using Controls.Web.Features.Training;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Annual training reminders to people not trained within 12 months, with their department head told (once per fiscal year: see <see cref="SendTrainingReminders"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TrainingReminderJob(SendTrainingReminders reminders) : IJob
{
    public static readonly JobKey Key = new("training-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        context.Result = $"sent: {sent}";
    }
}
