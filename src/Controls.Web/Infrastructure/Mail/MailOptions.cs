using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Controls.Web.Infrastructure.Mail;

/// <summary>
/// SMTP settings (section <c>Mail</c>), all optional. Without <see cref="Host"/> no mail is sent:
/// messages wait in the outbox, pending, until a host is configured.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty means e-mail is not configured.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>The sender address (required when <see cref="Host"/> is set).</summary>
    public string? From { get; set; }

    /// <summary>Sign in to the server when set (with <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS (System.Net.Mail's EnableSsl).</summary>
    public bool EnableSsl { get; set; }

    /// <summary>The app's public address (https://controls.example.jp): e-mails then carry a full link.</summary>
    public string? BaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _)))
        {
            yield return new ValidationResult("Mail:From must be a valid e-mail address when Mail:Host is set.", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Mail:BaseUrl must be an absolute http(s) address.", [nameof(BaseUrl)]);
        }
    }
}
