namespace Controls.Web.Domain;

public enum RecheckResult
{
    StillOpen,
    Resolved,
}

/// <summary>
/// One open finding carried into a follow-up audit (フォローアップ監査) to be re-checked there: the
/// auditor's result and notes. A resolved nonconformity closes only through the effectiveness check
/// of its corrective action (by an auditor other than the owner), recorded with the re-check.
/// </summary>
public class FindingRecheck
{
    public Guid Id { get; set; }
    /// <summary>The follow-up audit.</summary>
    public Guid AuditId { get; set; }
    public Guid FindingId { get; set; }
    public Finding Finding { get; set; } = null!;
    public RecheckResult? Result { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset? CheckedAt { get; set; }
    public Guid? CheckedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// An evidence file (証跡) of an audit: on the test of a measure (<see cref="MeasureCode"/>) or on a
/// finding (<see cref="FindingId"/>). Kept in the inspections' evidence store (outside the web
/// root, under a new name) and served only through the report page's access checks.
/// </summary>
public class AuditEvidence
{
    public Guid Id { get; set; }
    public Guid AuditId { get; set; }
    public string? MeasureCode { get; set; }
    public Guid? FindingId { get; set; }
    /// <summary>The original name, sanitised for display and download.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedById { get; set; }
}
