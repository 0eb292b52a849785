namespace Controls.Web.Infrastructure.Mail;

/// <summary>One plain-text e-mail.</summary>
public sealed record MailEnvelope(string To, string Subject, string Body);

/// <summary>Hands an e-mail to the mail server (SMTP in the app; a recording fake in the tests).</summary>
public interface IMailSender
{
    /// <summary>False when no server is configured: the outbox then keeps its messages pending.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends or throws; the outbox records the failure and tries again later.</summary>
    Task SendAsync(MailEnvelope mail, CancellationToken cancellationToken);
}
