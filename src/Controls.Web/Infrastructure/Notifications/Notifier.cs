using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.Notifications;

/// <summary>
/// Tells one user something: an in-app notification and, in the same transaction, an e-mail in the
/// outbox, both written in the recipient's preferred language. A notification carries one step or
/// several (a reminder run's bundle); each (user, step) is delivered at most once — the key of
/// notification_steps decides, so doubled runs, retries and two app nodes never send the same step
/// twice. Inactive users get nothing.
/// </summary>
/// <remarks>
/// Saves the context: call it with no other unsaved changes (inside a caller's transaction is fine;
/// EF Core's savepoint keeps that transaction usable when the step was already sent).
/// </remarks>
public sealed class Notifier(AppDbContext db, TimeProvider time, IStringLocalizerFactory localizers, IOptions<MailOptions> mail)
{
    private readonly IStringLocalizer localizer = localizers.Create(typeof(SharedResource));

    /// <summary>Returns true when the notification was created, false when it already existed or the user is inactive or unknown.</summary>
    public Task<bool> NotifyAsync(Guid userId, string dedupKey, string kind, string subjectKey, string bodyKey, object[] args, string link,
        CancellationToken cancellationToken = default) =>
        NotifyAsync(userId, [dedupKey], kind, subjectKey, bodyKey, args, link, cancellationToken);

    /// <summary>
    /// One notification (and e-mail) that carries several steps, e.g. everything one reminder run
    /// tells this user. Returns false, and sends nothing, when any of the steps was already
    /// delivered to the user (a concurrent run took them) or the user is inactive or unknown.
    /// </summary>
    public async Task<bool> NotifyAsync(Guid userId, IReadOnlyCollection<string> steps, string kind, string subjectKey, string bodyKey, object[] args, string link,
        CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.Email, u.PreferredLanguage })
            .SingleOrDefaultAsync(cancellationToken);
        if (steps.Count == 0 || user is not { IsActive: true }
            || await db.NotificationSteps.AnyAsync(s => s.UserId == userId && steps.Contains(s.DedupKey), cancellationToken))
        {
            return false;
        }

        var language = Languages.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage : Languages.Japanese;
        var subject = Limit(MessageText.Localize(localizer, language, subjectKey, args), 500);
        var body = MessageText.Localize(localizer, language, bodyKey, args);
        var now = time.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            DedupKey = steps.Count == 1 ? steps.First() : $"bundle:{Guid.NewGuid():N}",
            Kind = kind,
            Subject = subject,
            Body = body,
            Link = link,
            CreatedAt = now,
        };
        db.Notifications.Add(notification);
        var records = steps.Distinct().Select(key => new NotificationStep { UserId = userId, DedupKey = key, NotificationId = notification.Id, DeliveredAt = now }).ToList();
        db.NotificationSteps.AddRange(records);
        OutboxMessage? message = null;
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            message = new OutboxMessage
            {
                NotificationId = notification.Id,
                To = user.Email,
                Subject = subject,
                Body = MailBody(language, body, link),
                CreatedAt = now,
                NextAttemptAt = now,
            };
            db.OutboxMessages.Add(message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            // Another run delivered one of these steps between our check and our insert.
            return false;
        }
        finally
        {
            // Keep the caller's context small and clean, whether saved or refused.
            db.Entry(notification).State = EntityState.Detached;
            records.ForEach(r => db.Entry(r).State = EntityState.Detached);
            if (message is not null)
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }
    }

    private string MailBody(string language, string body, string link)
    {
        var baseUrl = mail.Value.BaseUrl?.TrimEnd('/');
        var where = string.IsNullOrWhiteSpace(baseUrl)
            ? MessageText.Localize(localizer, language, "Notification.Mail.SignIn", [])
            : MessageText.Localize(localizer, language, "Notification.Mail.Link", [baseUrl + link]);
        return body + "\n\n" + where + "\n\n-- \n" + MessageText.Localize(localizer, language, "Notification.Mail.Footer", []);
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
