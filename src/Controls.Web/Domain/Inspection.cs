namespace Controls.Web.Domain;

public enum InspectionStatus
{
    NotStarted,
    InProgress,
    Submitted,
    Returned,
    Accepted,
}

public enum AnswerValue
{
    Yes,
    Partial,
    No,
    NotApplicable,
}

/// <summary>
/// A self-inspection (自己点検): one department's (or one contractor's) answers to a catalog
/// version for one period. Pinned to the catalog version it was made from.
/// </summary>
public class Inspection
{
    public Guid Id { get; set; }
    public Guid? ScheduleId { get; set; }
    public InspectionSchedule? Schedule { get; set; }
    public Guid CatalogVersionId { get; set; }
    public CatalogVersion CatalogVersion { get; set; } = null!;
    /// <summary>Measure codes in scope; empty means every measure of the version.</summary>
    public List<string> MeasureCodes { get; set; } = [];
    /// <summary>Copied from the schedule: the simplified variant asks (and scores) only the small-business items.</summary>
    public bool Simplified { get; set; }
    /// <summary>The department that answers (for a contractor: the owning department).</summary>
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public Guid? ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    /// <summary>"department:{id}" or "contractor:{id}": with the schedule and period, the unique key that makes generation idempotent.</summary>
    public string TargetKey { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly DueOn { get; set; }
    public InspectionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedById { get; set; }
    public List<Answer> Answers { get; set; } = [];
    public List<InspectionEvent> Events { get; set; } = [];
    public uint Version { get; set; }

    public static string DepartmentTarget(Guid id) => $"department:{id}";
    public static string ContractorTarget(Guid id) => $"contractor:{id}";

    /// <summary>Overdue: past the due date (in the organisation's calendar) and not yet handed in.</summary>
    public bool IsOverdue(DateOnly today) => today > DueOn && Status is InspectionStatus.NotStarted or InspectionStatus.InProgress or InspectionStatus.Returned;

    /// <summary>Open for the department to answer.</summary>
    public bool IsOpen => Status is InspectionStatus.NotStarted or InspectionStatus.InProgress or InspectionStatus.Returned;
}

/// <summary>An answer (回答) to one check item of an inspection.</summary>
public class Answer
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public Inspection Inspection { get; set; } = null!;
    public Guid CheckItemId { get; set; }
    public CheckItem CheckItem { get; set; } = null!;
    public AnswerValue? Value { get; set; }
    public string Comment { get; set; } = "";
    /// <summary>The reviewer's comment when the inspection was returned (差戻し).</summary>
    public string ReviewComment { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>An evidence file (証跡), stored outside the web root and served only to authorised users.</summary>
public class Evidence
{
    public Guid Id { get; set; }
    public Guid? AnswerId { get; set; }
    public Answer? Answer { get; set; }
    /// <summary>The original name, sanitised for display and download.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    /// <summary>Path relative to the evidence store's root (never derived from the user's file name).</summary>
    public string StoragePath { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedById { get; set; }
}

public enum InspectionEventKind
{
    Generated,
    Submitted,
    Returned,
    Accepted,
    Reopened,
}

/// <summary>One step in an inspection's history: who did what, when, with what comment.</summary>
public class InspectionEvent
{
    public long Id { get; set; }
    public Guid InspectionId { get; set; }
    public InspectionEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string Actor { get; set; } = "";
    public string Comment { get; set; } = "";
}

/// <summary>A member of a department named by its head to help answer inspections (cannot sign off).</summary>
public class DepartmentDelegate
{
    public Guid DepartmentId { get; set; }
    public Guid UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
}
