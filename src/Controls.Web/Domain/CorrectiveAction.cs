namespace Controls.Web.Domain;

public enum CorrectiveActionStatus
{
    Open,
    Planned,
    Implemented,
    Verified,
    Reopened,
}

public enum CorrectiveActionSource
{
    /// <summary>An improvement action for a "partial" or "no" answer (改善計画).</summary>
    Inspection,
    /// <summary>A corrective action for an audit finding (是正処置).</summary>
    AuditFinding,
    /// <summary>Recurrence prevention after an incident.</summary>
    Incident,
    /// <summary>An instruction or resource need of a management review (マネジメントレビューの指示事項).</summary>
    ManagementReview,
}

/// <summary>
/// A corrective or improvement action (是正処置 / 改善計画): one record type for inspection answers,
/// audit findings and incidents, tracked until done and verified by someone other than its owner.
/// </summary>
public class CorrectiveAction
{
    public Guid Id { get; set; }
    public CorrectiveActionSource Source { get; set; }
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public Guid? InspectionId { get; set; }
    public Guid? CheckItemId { get; set; }
    /// <summary>The management review whose output this action carries out (<see cref="CorrectiveActionSource.ManagementReview"/>).</summary>
    public Guid? ManagementReviewId { get; set; }
    /// <summary>What will be done.</summary>
    public string Action { get; set; } = "";
    public string RootCause { get; set; } = "";
    public Guid OwnerId { get; set; }
    public AppUser Owner { get; set; } = null!;
    public DateOnly DueOn { get; set; }
    public CorrectiveActionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset? ImplementedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public Guid? VerifiedById { get; set; }
    /// <summary>The effectiveness check (有効性の確認), recorded by someone other than the owner.</summary>
    public string EffectivenessNote { get; set; } = "";
    public uint Version { get; set; }

    /// <summary>
    /// Open (未完了): not yet verified. An implemented action waits for its verification and is
    /// still open. The dashboard, the workbook and the actions list all count this (docs/scoring.md).
    /// </summary>
    public bool IsOpen => Status is not CorrectiveActionStatus.Verified;

    /// <summary>Overdue (期限超過): past its due date and not yet implemented (or verified).</summary>
    public bool IsOverdue(DateOnly today) => IsOverdue(Status, DueOn, today);

    public static bool IsOverdue(CorrectiveActionStatus status, DateOnly dueOn, DateOnly today) =>
        dueOn < today && status is not (CorrectiveActionStatus.Implemented or CorrectiveActionStatus.Verified);

    /// <summary>The longest effectiveness note.</summary>
    public const int NoteLength = 4000;

    /// <summary>
    /// The steps its owner (or the head of its department) may take from <paramref name="current"/>:
    /// open or reopened → planned or implemented, planned → implemented. Verification is someone else's (<see cref="CheckEffectiveness"/>).
    /// </summary>
    public static IReadOnlyList<CorrectiveActionStatus> NextSteps(CorrectiveActionStatus current) => current switch
    {
        CorrectiveActionStatus.Open or CorrectiveActionStatus.Reopened => [CorrectiveActionStatus.Planned, CorrectiveActionStatus.Implemented],
        CorrectiveActionStatus.Planned => [CorrectiveActionStatus.Implemented],
        _ => [],
    };

    /// <summary>
    /// The owner's step forward (<see cref="NextSteps"/>); an implemented action records when. Returns
    /// the message key of the refusal, or null when done.
    /// </summary>
    public string? MoveTo(CorrectiveActionStatus next, DateTimeOffset at)
    {
        if (!NextSteps(Status).Contains(next))
        {
            return "Actions.StepNotAllowed";
        }

        Status = next;
        if (next == CorrectiveActionStatus.Implemented)
        {
            ImplementedAt = at;
        }

        return null;
    }

    /// <summary>
    /// The effectiveness check (有効性の確認) of an implemented action, with a note (required, at most
    /// <see cref="NoteLength"/>): effective → verified by <paramref name="by"/>; not effective → reopened
    /// for its owner. (Who may check is SeparationOfDuties'.) Returns the message key of the refusal
    /// ("Validation.*" take the note's field name and the length), or null when done.
    /// </summary>
    public string? CheckEffectiveness(bool effective, string note, Guid? by, DateTimeOffset at)
    {
        if (Status != CorrectiveActionStatus.Implemented)
        {
            return "Audits.NotImplementedYet";
        }

        if (note.Length == 0)
        {
            return "Validation.Required";
        }

        if (note.Length > NoteLength)
        {
            return "Validation.MaxLength";
        }

        EffectivenessNote = note;
        if (effective)
        {
            Status = CorrectiveActionStatus.Verified;
            VerifiedAt = at;
            VerifiedById = by;
        }
        else
        {
            Status = CorrectiveActionStatus.Reopened;
        }

        return null;
    }
}

/// <summary>The same definitions as <see cref="CorrectiveAction.IsOpen"/> and <see cref="CorrectiveAction.IsOverdue(DateOnly)"/>, for queries.</summary>
public static class CorrectiveActionQueries
{
    public static IQueryable<CorrectiveAction> WhereOpen(this IQueryable<CorrectiveAction> actions) =>
        actions.Where(a => a.Status != CorrectiveActionStatus.Verified);

    public static IQueryable<CorrectiveAction> WhereOverdue(this IQueryable<CorrectiveAction> actions, DateOnly today) =>
        actions.Where(a => a.DueOn < today && a.Status != CorrectiveActionStatus.Implemented && a.Status != CorrectiveActionStatus.Verified);
}
