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

    /// <summary>Handed in and waiting for the compliance officer's review.</summary>
    public bool AwaitsReview => Status == InspectionStatus.Submitted;

    /// <summary>The first answer (or evidence) given: a not-started inspection is in progress from now on.</summary>
    public void StartAnswering()
    {
        if (Status == InspectionStatus.NotStarted)
        {
            Status = InspectionStatus.InProgress;
        }
    }

    /// <summary>
    /// Hands the inspection in with the department head's sign-off (提出): only an open inspection,
    /// with nothing missing (<paramref name="gaps"/>: what <see cref="Answer.GapsOf"/> and the ledger
    /// still find) and signed off. Returns the message keys of the refusals (none when done: it is
    /// locked for answering and the step enters its history); "Submit.Incomplete" takes the number of gaps.
    /// </summary>
    public IReadOnlyList<string> Submit(int gaps, bool signedOff, Guid? by, string actor, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            return ["Inspections.Locked"];
        }

        var refusals = new List<string>();
        if (gaps > 0)
        {
            refusals.Add("Submit.Incomplete");
        }

        if (!signedOff)
        {
            refusals.Add("Submit.SignOffRequired");
        }

        if (refusals.Count > 0)
        {
            return refusals;
        }

        Status = InspectionStatus.Submitted;
        SubmittedAt = at;
        SubmittedById = by;
        Record(InspectionEventKind.Submitted, by, actor, "", at);
        return [];
    }

    /// <summary>Accepts a submitted inspection (承認). Returns the message key of the refusal, or null when done.</summary>
    public string? Accept(Guid? by, string actor, string comment, DateTimeOffset at)
    {
        if (!AwaitsReview)
        {
            return "Review.NotAwaitingReview";
        }

        Decide(InspectionStatus.Accepted, InspectionEventKind.Accepted, by, actor, comment, at);
        return null;
    }

    /// <summary>
    /// Returns a submitted inspection to the department (差戻し), open for answering again, with an
    /// overall comment and comments on the items concerned (by check item id; an empty one clears that
    /// item's earlier comment; needs <see cref="Answers"/> loaded). At least one comment is needed.
    /// Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? Return(string comment, IReadOnlyDictionary<Guid, string> itemComments, Guid? by, string actor, DateTimeOffset at)
    {
        if (!AwaitsReview)
        {
            return "Review.NotAwaitingReview";
        }

        if (comment.Length == 0 && itemComments.Values.All(c => c.Length == 0))
        {
            return "Review.ReturnNeedsComment";
        }

        foreach (var answer in Answers)
        {
            if (itemComments.TryGetValue(answer.CheckItemId, out var itemComment))
            {
                answer.ReviewComment = itemComment;
            }
        }

        Decide(InspectionStatus.Returned, InspectionEventKind.Returned, by, actor, comment, at);
        return null;
    }

    private void Decide(InspectionStatus status, InspectionEventKind kind, Guid? by, string actor, string comment, DateTimeOffset at)
    {
        Status = status;
        ReviewedAt = at;
        ReviewedById = by;
        Record(kind, by, actor, comment, at);
    }

    private void Record(InspectionEventKind kind, Guid? by, string actor, string comment, DateTimeOffset at) =>
        Events.Add(new InspectionEvent { InspectionId = Id, Kind = kind, At = at, UserId = by, Actor = actor, Comment = comment });
}

/// <summary>What keeps one check item of an inspection from being complete (shown as "Submit.Gap.*").</summary>
public enum AnswerGap
{
    Unanswered,
    CommentMissing,
    ActionMissing,
    /// <summary>Not applicable on EXT-1 although the department's ledger lists data handled abroad.</summary>
    LedgerApplies,
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

    /// <summary>Partial, no and not applicable need a comment saying why.</summary>
    public static bool NeedsComment(AnswerValue value) => value is AnswerValue.Partial or AnswerValue.No or AnswerValue.NotApplicable;

    /// <summary>Partial and no need an improvement action (改善計画).</summary>
    public static bool NeedsAction(AnswerValue? value) => value is AnswerValue.Partial or AnswerValue.No;

    /// <summary>Only the exact names (Yes, Partial, No, NotApplicable), never numbers or other spellings.</summary>
    public static AnswerValue? ParseValue(string? value) =>
        Enum.GetValues<AnswerValue>().Cast<AnswerValue?>().FirstOrDefault(v => string.Equals(v.ToString(), value, StringComparison.Ordinal));

    /// <summary>
    /// What an item still needs before the inspection can be submitted, in this order: an answer
    /// (nothing else is asked of an unanswered item), the comment of a partial/no/not-applicable
    /// answer, the improvement action of a partial/no answer. (Whether the ledger allows "not
    /// applicable" is the ledger's to say: <see cref="AnswerGap.LedgerApplies"/>.)
    /// </summary>
    public static IReadOnlyList<AnswerGap> GapsOf(AnswerValue? value, string? comment, bool hasAction)
    {
        if (value is not { } given)
        {
            return [AnswerGap.Unanswered];
        }

        var gaps = new List<AnswerGap>();
        if (NeedsComment(given) && string.IsNullOrWhiteSpace(comment))
        {
            gaps.Add(AnswerGap.CommentMissing);
        }

        if (NeedsAction(given) && !hasAction)
        {
            gaps.Add(AnswerGap.ActionMissing);
        }

        return gaps;
    }

    /// <summary>Records the answer as given by <paramref name="by"/>; saving exactly what is there changes nothing (not even who and when).</summary>
    public void Give(AnswerValue? value, string comment, Guid? by, DateTimeOffset at)
    {
        if (Value != value || Comment != comment)
        {
            Value = value;
            Comment = comment;
            AnsweredAt = at;
            AnsweredById = by;
        }
    }
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
