using Controls.Web.Features.Training;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Annual training reminders to people not trained within 12 months, with their department head
/// told (once per fiscal year: see <see cref="SendTrainingReminders"/>). Daily: a failed run is retried three times that day.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class TrainingReminderJob(SendTrainingReminders reminders)
{
    public const string Name = "training-reminders";

    [JobDisplayName("Job.training-reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => $"sent: {await reminders.RunAsync(cancellationToken)}";
}
