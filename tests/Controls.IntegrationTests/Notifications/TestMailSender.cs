using System.Collections.Concurrent;
using System.Net.Mail;
using Controls.Web.Infrastructure.Mail;

namespace Controls.IntegrationTests.Notifications;

/// <summary>A mail server that records what it is given, and can be switched off (an outage).</summary>
public sealed class TestMailSender : IMailSender
{
    private readonly ConcurrentQueue<MailEnvelope> sent = new();

    public volatile bool Down;

    public bool IsConfigured => true;

    public List<MailEnvelope> SentTo(string address) => sent.Where(m => m.To == address).ToList();

    public async Task SendAsync(MailEnvelope mail, CancellationToken cancellationToken)
    {
        // A little latency, so that concurrent senders really overlap.
        await Task.Delay(5, cancellationToken);
        if (Down)
        {
            throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "test mail server is down");
        }

        sent.Enqueue(mail);
    }
}
