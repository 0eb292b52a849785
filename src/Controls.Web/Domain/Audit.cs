namespace Controls.Web.Domain;

public enum AuditProgrammeStatus
{
    Draft,
    Approved,
    Closed,
}

/// <summary>The annual internal audit programme (内部監査計画) of one fiscal year.</summary>
public class AuditProgramme
{
    public Guid Id { get; set; }
    /// <summary>The year the fiscal year starts in (FY2026 = April 2026 – March 2027 by default).</summary>
    public int FiscalYear { get; set; }
    public AuditProgrammeStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Who asked for approval (the audit lead or a compliance officer who prepared it), and when; cleared when it goes back to draft.</summary>
    public Guid? SubmittedById { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Who approved it (top management), and when; cleared when it goes back to draft.</summary>
    public Guid? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public List<Audit> Audits { get; set; } = [];
    public uint Version { get; set; }

    public bool IsSubmitted => Status == AuditProgrammeStatus.Draft && SubmittedAt is not null;

    /// <summary>
    /// Asks for approval (needs <see cref="Audits"/> loaded): only a draft with at least one audit.
    /// Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? Submit(Guid by, DateTimeOffset at)
    {
        if (Status != AuditProgrammeStatus.Draft)
        {
            return "AuditProgramme.NotDraft";
        }

        if (Audits.Count == 0)
        {
            return "AuditProgramme.NoAudits";
        }

        if (SubmittedAt is not null)
        {
            return "AuditProgramme.AlreadySubmitted";
        }

        SubmittedById = by;
        SubmittedAt = at;
        return null;
    }

    /// <summary>
    /// Approves the programme (needs <see cref="Audits"/> loaded): only a draft with at least one audit,
    /// and never by the person who asked for approval or planned one of its audits (who may approve at
    /// all is SeparationOfDuties'). Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? Approve(Guid by, DateTimeOffset at)
    {
        if (Status != AuditProgrammeStatus.Draft)
        {
            return Status == AuditProgrammeStatus.Approved ? "AuditProgramme.AlreadyApproved" : "AuditProgramme.NotDraft";
        }

        if (Audits.Count == 0)
        {
            return "AuditProgramme.NoAudits";
        }

        if (SubmittedById == by || Audits.Any(a => a.CreatedById == by))
        {
            return "AuditProgramme.PreparerCannotApprove";
        }

        Status = AuditProgrammeStatus.Approved;
        ApprovedById = by;
        ApprovedAt = at;
        return null;
    }

    /// <summary>
    /// Back to draft, for changes that need a new approval: the approval is cleared (the audit trail
    /// keeps who approved it, and when). Only an approved programme.
    /// </summary>
    public string? Reopen()
    {
        if (Status != AuditProgrammeStatus.Approved)
        {
            return "AuditProgramme.NotApproved";
        }

        Status = AuditProgrammeStatus.Draft;
        SubmittedById = null;
        SubmittedAt = null;
        ApprovedById = null;
        ApprovedAt = null;
        return null;
    }

    /// <summary>An audit was added: an approved programme goes back to draft, as the new audit is not approved.</summary>
    public void AuditAdded()
    {
        if (Status == AuditProgrammeStatus.Approved)
        {
            Reopen();
        }
    }

    /// <summary>Closes the year's programme (needs <see cref="Audits"/> loaded): only an approved one whose audits are all closed or cancelled.</summary>
    public string? Close()
    {
        if (Status != AuditProgrammeStatus.Approved)
        {
            return "AuditProgramme.NotApproved";
        }

        if (Audits.Any(a => a.IsActive))
        {
            return "AuditProgramme.AuditsStillActive";
        }

        Status = AuditProgrammeStatus.Closed;
        return null;
    }
}

public enum AuditStatus
{
    Planned,
    Scheduled,
    InFieldwork,
    Reporting,
    Closed,
    Cancelled,
}

/// <summary>
/// An internal audit (内部監査) of departments and/or contractors against a catalog version pinned
/// at creation. Its lead auditor and team are independent of every audited department.
/// </summary>
public class Audit
{
    public Guid Id { get; set; }
    public Guid ProgrammeId { get; set; }
    public AuditProgramme Programme { get; set; } = null!;
    public string Title { get; set; } = "";
    public List<Guid> DepartmentIds { get; set; } = [];
    public List<Guid> ContractorIds { get; set; } = [];
    public Guid CatalogVersionId { get; set; }
    public CatalogVersion CatalogVersion { get; set; } = null!;
    /// <summary>Measure codes in scope; empty means every measure of the version.</summary>
    public List<string> MeasureCodes { get; set; } = [];
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public Guid LeadAuditorId { get; set; }
    public AppUser LeadAuditor { get; set; } = null!;
    public List<AuditTeamMember> Team { get; set; } = [];
    public AuditStatus Status { get; set; }
    /// <summary>The recorded decision when the audit was closed with open major nonconformities.</summary>
    public string ClosingReason { get; set; } = "";
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Who planned it; <see cref="Guid.Empty"/> when a programme rule did.</summary>
    public Guid CreatedById { get; set; }
    /// <summary>The programme rule that planned it, if any.</summary>
    public Guid? RuleId { get; set; }
    /// <summary>"rule:{rule}:{target}:{fiscal year}:{slot}": unique, so a rule plans each audit once however often it runs.</summary>
    public string? RuleKey { get; set; }
    /// <summary>The audit whose open findings this follow-up audit re-checks (<see cref="FindingRecheck"/>), if any.</summary>
    public Guid? FollowUpOfAuditId { get; set; }
    public uint Version { get; set; }

    public bool IsActive => Status is not (AuditStatus.Closed or AuditStatus.Cancelled);

    /// <summary>The longest closing reason.</summary>
    public const int ReasonLength = 4000;

    /// <summary>
    /// The steps from <paramref name="current"/>: planned → scheduled; scheduled → fieldwork (or back to
    /// planned); fieldwork → reporting; reporting → closed (or back to fieldwork); cancelled from any
    /// open step but reporting. Closed and cancelled are final.
    /// </summary>
    public static IReadOnlyList<AuditStatus> NextSteps(AuditStatus current) => current switch
    {
        AuditStatus.Planned => [AuditStatus.Scheduled, AuditStatus.Cancelled],
        AuditStatus.Scheduled => [AuditStatus.InFieldwork, AuditStatus.Planned, AuditStatus.Cancelled],
        AuditStatus.InFieldwork => [AuditStatus.Reporting, AuditStatus.Cancelled],
        AuditStatus.Reporting => [AuditStatus.Closed, AuditStatus.InFieldwork],
        _ => [],
    };

    /// <summary>
    /// Takes one step (<see cref="NextSteps"/>). Closing records who closed it, when, and the reason,
    /// which is required while major nonconformities are open (<paramref name="openMajorNonconformities"/>).
    /// Returns the message key of the refusal ("Validation.MaxLength" takes the reason's field name and
    /// <see cref="ReasonLength"/>), or null when done.
    /// </summary>
    public string? MoveTo(AuditStatus next, string reason, int openMajorNonconformities, Guid? by, DateTimeOffset at)
    {
        if (!NextSteps(Status).Contains(next))
        {
            return "Audits.StepNotAllowed";
        }

        if (reason.Length > ReasonLength)
        {
            return "Validation.MaxLength";
        }

        if (next == AuditStatus.Closed)
        {
            if (openMajorNonconformities > 0 && reason.Length == 0)
            {
                return "Audits.ClosingReasonRequired";
            }

            ClosingReason = reason;
            ClosedAt = at;
            ClosedById = by;
        }

        Status = next;
        return null;
    }

    /// <summary>A planned audit is scheduled (its auditees are told). Returns the message key of the refusal, or null when done.</summary>
    public string? Schedule(DateTimeOffset at) => MoveTo(AuditStatus.Scheduled, "", 0, null, at);

    /// <summary>The lead auditor or a member of the team (needs <see cref="Team"/> loaded): the people who do this audit's fieldwork.</summary>
    public bool IsOnTeam(Guid userId) => LeadAuditorId == userId || Team.Any(m => m.UserId == userId);

    /// <summary>This department is in the audit's scope: nobody of it audits it.</summary>
    public bool Audits(Guid? departmentId) => departmentId is { } id && DepartmentIds.Contains(id);
}

/// <summary>An auditor on an audit's team (besides the lead).</summary>
public class AuditTeamMember
{
    public Guid AuditId { get; set; }
    public Guid UserId { get; set; }
    public AppUser User { get; set; } = null!;
}

public enum SamplingMethod
{
    Random,
    Judgmental,
    All,
}

public enum AuditTestResult
{
    Conforming,
    Nonconforming,
    Observation,
    NotApplicable,
}

/// <summary>The audit test (監査手続) of one measure in one audit, with its sample.</summary>
public class AuditTest
{
    public Guid Id { get; set; }
    public Guid AuditId { get; set; }
    public string MeasureCode { get; set; } = "";
    public string Procedure { get; set; } = "";
    /// <summary>What was inspected (records, systems, rooms, interviews…).</summary>
    public string Inspected { get; set; } = "";
    public int? PopulationSize { get; set; }
    public int? SampleSize { get; set; }
    public SamplingMethod? Method { get; set; }
    /// <summary>The seed of a random pick: System.Random(seed) over 1..population gives the same sample again.</summary>
    public int? Seed { get; set; }
    /// <summary>The sample items picked, one a line.</summary>
    public string SampleItems { get; set; } = "";
    public AuditTestResult? Result { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset? TestedAt { get; set; }
    public Guid? TestedById { get; set; }
    public uint Version { get; set; }
}

public enum FindingClass
{
    MajorNonconformity,
    MinorNonconformity,
    Observation,
    OpportunityForImprovement,
}

public enum FindingStatus
{
    Open,
    Closed,
}

/// <summary>
/// An audit finding (指摘事項) against a measure and check item of one department. A nonconformity
/// has one corrective action (<see cref="CorrectiveActionId"/>; the shared corrective-action
/// schema is fixed, so the link lives here) and closes only when that action is verified.
/// </summary>
public class Finding
{
    public Guid Id { get; set; }
    public Guid AuditId { get; set; }
    public Audit Audit { get; set; } = null!;
    public FindingClass Classification { get; set; }
    public string MeasureCode { get; set; } = "";
    public string CheckItemCode { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public string Evidence { get; set; } = "";
    public FindingStatus Status { get; set; }
    public Guid? CorrectiveActionId { get; set; }
    public CorrectiveAction? CorrectiveAction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public uint Version { get; set; }

    public bool IsNonconformity => Classification is FindingClass.MajorNonconformity or FindingClass.MinorNonconformity;

    /// <summary>The finding concerns this department: nobody of it verifies the finding's corrective action (independence).</summary>
    public bool IsAbout(Guid? departmentId) => departmentId == DepartmentId;

    /// <summary>
    /// Closes an observation or opportunity for improvement, which has no corrective action to verify.
    /// A nonconformity closes only when its action is found effective (<see cref="CheckEffectiveness"/>).
    /// Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? Close(DateTimeOffset at)
    {
        if (IsNonconformity || Status == FindingStatus.Closed)
        {
            return "Audits.NonconformityNeedsVerification";
        }

        Status = FindingStatus.Closed;
        ClosedAt = at;
        return null;
    }

    /// <summary>
    /// The effectiveness check of the finding's corrective action (needs <see cref="CorrectiveAction"/>
    /// loaded; see <see cref="Domain.CorrectiveAction.CheckEffectiveness"/>): effective → the action is
    /// verified and the finding closes with it; not effective → the action is reopened and the finding
    /// stays open. Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? CheckEffectiveness(bool effective, string note, Guid? by, DateTimeOffset at)
    {
        if (CorrectiveAction is not { } action)
        {
            return "Audits.NoAction";
        }

        if (action.CheckEffectiveness(effective, note, by, at) is { } refusal)
        {
            return refusal;
        }

        if (effective)
        {
            Status = FindingStatus.Closed;
            ClosedAt = action.VerifiedAt;
        }

        return null;
    }
}

/// <summary>
/// A user's personal iCalendar feed of audits: the secret in its URL is stored only as a SHA-256
/// hash; regenerating replaces it, so an old URL stops working at once.
/// </summary>
public class CalendarFeed
{
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum AuditRuleTarget
{
    /// <summary>Every (not retired) department.</summary>
    EveryDepartment,
    /// <summary>Every active contractor handling special-care personal data (要配慮個人情報).</summary>
    SpecialCareContractors,
}

/// <summary>
/// A programme rule that plans audits: every target <see cref="PerYear"/> times per fiscal year,
/// spread evenly; the auditees are told <see cref="NoticeDays"/> days before the window opens.
/// </summary>
public class AuditRule
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public AuditRuleTarget Target { get; set; }
    public int PerYear { get; set; } = 1;
    public Guid CatalogId { get; set; }
    public int WindowDays { get; set; } = 14;
    public int NoticeDays { get; set; } = 14;
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}
