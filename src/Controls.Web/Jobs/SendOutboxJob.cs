using Controls.Web.Infrastructure.Mail;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Sends the e-mails waiting in the outbox (see <see cref="SendOutbox"/>). Every minute; failed
/// messages back off on their own, so a failed run is not retried, and a run that finds the
/// previous one still sending gives up after 50 s (the next minute's run takes what is due).
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 50)]
public sealed class SendOutboxJob(SendOutbox outbox)
{
    public const string Name = "send-outbox";

    [JobDisplayName("Job.send-outbox", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await outbox.RunAsync(cancellationToken);
        return result.MailConfigured
            ? $"sent: {result.Sent}, failed: {result.Failed}"
            : $"mail is not configured (Mail:Host); pending: {result.Pending}";
    }
}
