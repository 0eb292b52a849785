using Controls.Web.Features.Requests;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Reminds of data subjects' requests due soon or overdue (each step once: see
/// <see cref="SendRequestReminders"/>). Daily: a failed run is retried three times that day.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class RequestReminderJob(SendRequestReminders reminders)
{
    public const string Name = "request-reminders";

    [JobDisplayName("Job.request-reminders", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken) => $"sent: {await reminders.RunAsync(cancellationToken)}";
}
