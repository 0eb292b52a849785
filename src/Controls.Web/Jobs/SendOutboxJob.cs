using Controls.Web.Infrastructure.Mail;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Sends the e-mails waiting in the outbox (see <see cref="SendOutbox"/>).</summary>
[DisallowConcurrentExecution]
public sealed class SendOutboxJob(SendOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("send-outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await outbox.RunAsync(cancellationToken);
        context.Result = result.MailConfigured
            ? $"sent: {result.Sent}, failed: {result.Failed}"
            : $"mail is not configured (Mail:Host); pending: {result.Pending}";
    }
}
