namespace Controls.Web.Domain;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    /// <summary>A successful sign-in (Entity "SignIn", key the user's id).</summary>
    SignIn,
    /// <summary>A refused sign-in: wrong password, unknown e-mail, locked out or deactivated.</summary>
    SignInFail,
    /// <summary>A request refused with 403 Forbidden.</summary>
    Forbidden,
}

/// <summary>
/// One insert, update or delete of a domain record (written by the audit-trail interceptor or, for
/// writes that bypass SaveChanges, by <c>AuditTrail.RecordAsync</c>), or a sign-in or refused request.
/// Entries form a hash chain (<c>AuditTrailChain</c>): each carries its place in the order written, the
/// hash of the entry before it and the hash of its own content, so altering, deleting or inserting
/// a row afterwards is found by <c>scripts/controls audit-trail verify</c>.
/// </summary>
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

    /// <summary>1, 2, 3 … in the order written; null only for a row inserted outside the chain.</summary>
    public long? Sequence { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/> (64 zeros for the first), SHA-256 in lower-case hex.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 of the previous hash and this entry's content (lower-case hex).</summary>
    public string? Hash { get; set; }
}

/// <summary>One run of the audit-trail verification: when, by whom, and what it found.</summary>
public class AuditTrailVerification
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public bool Succeeded { get; set; }
    /// <summary>Entries checked (up to the problem, if one was found).</summary>
    public long Checked { get; set; }
    /// <summary>The last entry verified: a later run checks that it still holds (a rewritten or truncated chain).</summary>
    public long? HeadSequence { get; set; }
    public string? HeadHash { get; set; }
    /// <summary>The first problem found, in English, naming the entry.</summary>
    public string Problem { get; set; } = "";
}
