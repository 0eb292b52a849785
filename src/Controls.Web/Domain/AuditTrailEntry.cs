namespace Controls.Web.Domain;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}

/// <summary>One insert, update or delete of a domain record, written by the audit-trail interceptor.</summary>
public class AuditTrailEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>Who, as shown: a user's e-mail, or "system"/"cli" for jobs and commands.</summary>
    public string Actor { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON object: field → { "old": …, "new": … }.</summary>
    public string Changes { get; set; } = "{}";
}
