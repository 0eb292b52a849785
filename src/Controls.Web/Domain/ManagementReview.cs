namespace Controls.Web.Domain;

/// <summary>A yearly review (定期) or one called for a reason, such as a serious incident (臨時).</summary>
public enum ManagementReviewKind
{
    Annual,
    AdHoc,
}

/// <summary>What the top executive said at the review (JIS Q 15001 9.3: the review's outputs).</summary>
public enum ManagementReviewOutputKind
{
    /// <summary>指示事項: an instruction to change or improve something.</summary>
    Instruction,
    /// <summary>決定事項: a decision, e.g. on the policy or the objectives.</summary>
    Decision,
    /// <summary>必要な資源: people, budget or tools the system needs.</summary>
    ResourceNeed,
}

/// <summary>
/// A management review (マネジメントレビュー / 代表者による見直し): the top executive reviews the
/// state of the personal information protection management system from inputs assembled for a
/// period (audit results, inspection scores, incidents, corrective actions, complaints, changes in
/// the law, the previous review's outputs) and records instructions, decisions and resource needs.
/// Each output can become a corrective action with an owner and a due date, followed up like any other.
/// </summary>
public class ManagementReview : IVersionedRecord
{
    public const int TextLength = 4000;
    public const int NameLength = 200;

    public Guid Id { get; set; }
    public ManagementReviewKind Kind { get; set; }
    /// <summary>The day the review was held (実施日).</summary>
    public DateOnly HeldOn { get; set; }
    /// <summary>The period the inputs cover (対象期間), usually the fiscal year just ended.</summary>
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The top executive who reviewed (代表者), as a name and title.</summary>
    public string Chair { get; set; } = "";
    public string Attendees { get; set; } = "";
    /// <summary>Complaints and consultations received (苦情及び相談), in the officer's words.</summary>
    public string Complaints { get; set; } = "";
    /// <summary>Changes in laws, guidelines and the organisation's circumstances (法令等の改正・外部及び内部の課題の変化).</summary>
    public string ChangesInCircumstances { get; set; } = "";
    /// <summary>Other inputs: objectives, results of risk assessment, proposals for improvement.</summary>
    public string OtherInputs { get; set; } = "";
    /// <summary>The top executive's overall evaluation (総評).</summary>
    public string Conclusion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public uint Version { get; set; }
    public List<ManagementReviewOutput> Outputs { get; set; } = [];

    /// <summary>What is wrong with these dates, as resource keys (none when they are fine).</summary>
    public static IEnumerable<(string Field, string Problem)> CheckDates(DateOnly heldOn, DateOnly periodStart, DateOnly periodEnd, DateOnly today)
    {
        if (periodEnd < periodStart)
        {
            yield return (nameof(PeriodEnd), "ManagementReviews.PeriodEndBeforeStart");
        }
        else if (periodEnd.DayNumber - periodStart.DayNumber > 731)
        {
            yield return (nameof(PeriodEnd), "ManagementReviews.PeriodTooLong");
        }

        if (heldOn < periodStart)
        {
            yield return (nameof(HeldOn), "ManagementReviews.HeldBeforePeriod");
        }

        if (heldOn > today.AddYears(1))
        {
            yield return (nameof(HeldOn), "ManagementReviews.HeldTooFarAhead");
        }
    }

    /// <summary>Records one output, numbered after the ones before it.</summary>
    public ManagementReviewOutput AddOutput(ManagementReviewOutputKind kind, string text, Guid by, DateTimeOffset now)
    {
        var output = new ManagementReviewOutput
        {
            Id = Guid.NewGuid(),
            ManagementReviewId = Id,
            Number = Outputs.Count == 0 ? 1 : Outputs.Max(o => o.Number) + 1,
            Kind = kind,
            Text = text.Trim(),
            CreatedAt = now,
            CreatedById = by,
        };
        Outputs.Add(output);
        return output;
    }

    /// <summary>The review held last before this one (the one whose outputs this one follows up).</summary>
    public static IQueryable<ManagementReview> Before(IQueryable<ManagementReview> reviews, ManagementReview review) =>
        reviews.Where(r => r.Id != review.Id && (r.HeldOn < review.HeldOn || (r.HeldOn == review.HeldOn && r.CreatedAt < review.CreatedAt)))
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CreatedAt);
}

/// <summary>One instruction, decision or resource need of a management review, and the action that carries it out.</summary>
public class ManagementReviewOutput
{
    public Guid Id { get; set; }
    public Guid ManagementReviewId { get; set; }
    public ManagementReview ManagementReview { get; set; } = null!;
    /// <summary>Its number within the review (指示事項1, 2 …), shown and exported.</summary>
    public int Number { get; set; }
    public ManagementReviewOutputKind Kind { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The corrective action that carries it out, once someone has been given it.</summary>
    public Guid? CorrectiveActionId { get; set; }
    public CorrectiveAction? CorrectiveAction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    /// <summary>Two people giving the same output to an owner at once: the second is refused.</summary>
    public uint Version { get; set; }

    public enum ActionRefusal
    {
        None,
        AlreadyHasAction,
        DueBeforeReview,
    }

    /// <summary>Whether this output may be given to an owner with this due date.</summary>
    public ActionRefusal CheckAction(DateOnly dueOn, DateOnly heldOn) =>
        CorrectiveActionId is not null ? ActionRefusal.AlreadyHasAction
        : dueOn < heldOn ? ActionRefusal.DueBeforeReview
        : ActionRefusal.None;

    /// <summary>
    /// The corrective action that carries out this output, owned by someone in a department, due on a
    /// date; it starts open and is followed up on the actions list like any other (is the output's link).
    /// </summary>
    public CorrectiveAction TurnIntoAction(Guid departmentId, Guid ownerId, DateOnly dueOn, Guid by, DateTimeOffset now)
    {
        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.ManagementReview,
            ManagementReviewId = ManagementReviewId,
            DepartmentId = departmentId,
            Action = Text,
            OwnerId = ownerId,
            DueOn = dueOn,
            Status = CorrectiveActionStatus.Open,
            CreatedAt = now,
            CreatedById = by,
        };
        CorrectiveActionId = action.Id;
        return action;
    }

    /// <summary>
    /// Still open (未完了): an instruction or a resource need nobody has been given yet, or one whose
    /// action is not verified. A decision with no action is done when it is recorded.
    /// </summary>
    public static bool IsOpen(ManagementReviewOutputKind kind, CorrectiveActionStatus? actionStatus) =>
        actionStatus is { } status ? status != CorrectiveActionStatus.Verified : kind != ManagementReviewOutputKind.Decision;
}

/// <summary>The same definition as <see cref="ManagementReviewOutput.IsOpen"/>, for queries.</summary>
public static class ManagementReviewOutputQueries
{
    public static IQueryable<ManagementReviewOutput> WhereOpen(this IQueryable<ManagementReviewOutput> outputs) =>
        outputs.Where(o => o.CorrectiveAction == null ? o.Kind != ManagementReviewOutputKind.Decision : o.CorrectiveAction.Status != CorrectiveActionStatus.Verified);
}
