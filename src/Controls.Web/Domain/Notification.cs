namespace Controls.Web.Domain;

/// <summary>An in-app notification (お知らせ); also sent by e-mail through the outbox.</summary>
public class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public AppUser User { get; set; } = null!;
    /// <summary>Unique per recipient and step ("reminder:{inspection}:due-7"): nobody gets the same reminder twice.</summary>
    public string DedupKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>A path inside the app, e.g. /Inspections/Answer/{id}.</summary>
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// One step delivered to one user ("overdue:{inspection}:0"), and the notification that carried it.
/// A reminder run bundles everything it tells one person into one notification; this record keeps
/// the once-per-step guarantee (its key is unique per user), whether the step came alone or bundled.
/// </summary>
public class NotificationStep
{
    public Guid UserId { get; set; }
    public string DedupKey { get; set; } = "";
    public Guid NotificationId { get; set; }
    public Notification Notification { get; set; } = null!;
    public DateTimeOffset DeliveredAt { get; set; }
}

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as its notification, so a mail
/// server outage loses nothing: the sender retries with back-off until it is sent.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public Guid? NotificationId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string LastError { get; set; } = "";
}
