namespace Controls.Web.Domain;

/// <summary>The life cycle of personal information, in the order a data set goes through it (個人情報のライフサイクル).</summary>
public enum LifeCycleStage
{
    /// <summary>取得</summary>
    Acquisition,
    /// <summary>入力</summary>
    Input,
    /// <summary>移送・送信</summary>
    Transfer,
    /// <summary>利用・加工</summary>
    Use,
    /// <summary>保管・バックアップ</summary>
    Storage,
    /// <summary>委託・提供</summary>
    Provision,
    /// <summary>消去・廃棄</summary>
    Disposal,
}

/// <summary>A risk value's band: 1–2 low, 3–4 medium, 6–9 high.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>Why a risk assessment refused a change (nothing is changed when it does).</summary>
public enum RiskProblem
{
    /// <summary>A likelihood or an impact outside 1–3.</summary>
    OutOfRange,
    /// <summary>A stage given twice, or a stage that does not exist.</summary>
    UnknownStage,
    /// <summary>The residual risk is higher than the risk before the measures.</summary>
    ResidualAboveRisk,
    /// <summary>Acceptance asked for before every stage is assessed.</summary>
    NotFilledIn,
    /// <summary>No residual risk is waiting for acceptance.</summary>
    NothingToAccept,
}

/// <summary>One refusal: the stage it concerns (null for the whole assessment), the field and why.</summary>
public sealed record RiskError(LifeCycleStage? Stage, string Field, RiskProblem Problem);

/// <summary>What a department head (or the compliance officer) writes for one stage.</summary>
public sealed record StageAssessment(
    LifeCycleStage Stage,
    bool NotApplicable,
    string Risk,
    int? Likelihood,
    int? Impact,
    string Measures,
    IReadOnlyList<Guid> MeasureIds,
    int? ResidualLikelihood,
    int? ResidualImpact);

/// <summary>
/// The risk assessment of one personal-data ledger entry (個人情報の特定とリスク分析, JIS Q 15001):
/// for each life-cycle stage the risk, its likelihood × impact, the measures taken (in words and as
/// links to measures of the APPI catalog), the residual risk, and the compliance officer's acceptance
/// of a residual risk above <see cref="AcceptableScore"/>. It is re-assessed every year: the next
/// assessment is due one year after the last one (<see cref="AssessedOn"/>, the day the assessment
/// was last saved with every stage filled in).
/// </summary>
public class RiskAssessment
{
    /// <summary>The highest score of the low band.</summary>
    public const int LowUpTo = 2;
    /// <summary>The highest score of the medium band.</summary>
    public const int MediumUpTo = 4;
    /// <summary>A residual risk value above this needs the compliance officer's acceptance.</summary>
    public const int AcceptableScore = LowUpTo;
    public const int MinRating = 1;
    public const int MaxRating = 3;

    public Guid Id { get; set; }
    public Guid LedgerEntryId { get; set; }
    public LedgerEntry LedgerEntry { get; set; } = null!;
    /// <summary>The last day the assessment was saved with every stage filled in (null: never).</summary>
    public DateOnly? AssessedOn { get; private set; }
    public Guid? AssessedById { get; private set; }
    public string AssessedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<RiskAssessmentStage> Stages { get; set; } = [];
    public uint Version { get; set; }

    /// <summary>A new, empty assessment with one row per stage.</summary>
    public static RiskAssessment For(Guid ledgerEntryId, DateTimeOffset now)
    {
        var assessment = new RiskAssessment { Id = Guid.NewGuid(), LedgerEntryId = ledgerEntryId, CreatedAt = now, UpdatedAt = now };
        foreach (var stage in Enum.GetValues<LifeCycleStage>())
        {
            assessment.Stages.Add(new RiskAssessmentStage { Id = Guid.NewGuid(), RiskAssessmentId = assessment.Id, Stage = stage });
        }

        return assessment;
    }

    public static int Score(int likelihood, int impact) => likelihood * impact;

    public static bool IsRating(int? value) => value is null or (>= MinRating and <= MaxRating);

    public static RiskLevel? LevelOf(int? score) => score switch
    {
        null => null,
        <= LowUpTo => RiskLevel.Low,
        <= MediumUpTo => RiskLevel.Medium,
        _ => RiskLevel.High,
    };

    /// <summary>The next re-assessment: one year after the last assessment (null: never assessed, due at once).</summary>
    public static DateOnly? NextAssessmentOn(DateOnly? assessedOn) => assessedOn?.AddYears(1);

    /// <summary>The re-assessment is due (today is its day, or later; or it was never assessed).</summary>
    public static bool IsDue(DateOnly? assessedOn, DateOnly today) => assessedOn is not { } last || last.AddYears(1) <= today;

    /// <summary>The re-assessment's day has passed (or it was never assessed).</summary>
    public static bool IsOverdue(DateOnly? assessedOn, DateOnly today) => assessedOn is not { } last || last.AddYears(1) < today;

    public DateOnly? NextAssessment => NextAssessmentOn(AssessedOn);

    /// <summary>Every stage is assessed or marked not applicable.</summary>
    public bool IsFilledIn => Enum.GetValues<LifeCycleStage>().All(s => Stages.Any(x => x.Stage == s && x.IsFilledIn));

    public bool AcceptancePending => Stages.Any(s => s.NeedsAcceptance);

    /// <summary>Complete: every stage assessed and every residual risk above the threshold accepted.</summary>
    public bool IsComplete => IsFilledIn && !AcceptancePending;

    /// <summary>
    /// Saves what was written for the stages (all or nothing: any refusal changes nothing). A stage
    /// whose content changed loses its acceptance. Saved with every stage filled in, the assessment
    /// counts as (re-)assessed today by <paramref name="byName"/>.
    /// </summary>
    public IReadOnlyList<RiskError> Record(IReadOnlyList<StageAssessment> stages, Guid? byId, string byName, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<RiskError>();
        var seen = new HashSet<LifeCycleStage>();
        foreach (var s in stages)
        {
            if (!Enum.IsDefined(s.Stage) || !seen.Add(s.Stage))
            {
                errors.Add(new RiskError(null, nameof(StageAssessment.Stage), RiskProblem.UnknownStage));
                continue;
            }

            foreach (var (field, value) in new[]
                     {
                         (nameof(s.Likelihood), s.Likelihood), (nameof(s.Impact), s.Impact),
                         (nameof(s.ResidualLikelihood), s.ResidualLikelihood), (nameof(s.ResidualImpact), s.ResidualImpact),
                     })
            {
                if (!IsRating(value))
                {
                    errors.Add(new RiskError(s.Stage, field, RiskProblem.OutOfRange));
                }
            }

            if (IsRating(s.Likelihood) && IsRating(s.Impact) && IsRating(s.ResidualLikelihood) && IsRating(s.ResidualImpact)
                && s is { Likelihood: { } l, Impact: { } i, ResidualLikelihood: { } rl, ResidualImpact: { } ri } && Score(rl, ri) > Score(l, i))
            {
                errors.Add(new RiskError(s.Stage, nameof(s.ResidualImpact), RiskProblem.ResidualAboveRisk));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var s in stages)
        {
            var row = Stages.SingleOrDefault(x => x.Stage == s.Stage);
            if (row is null)
            {
                row = new RiskAssessmentStage { Id = Guid.NewGuid(), RiskAssessmentId = Id, Stage = s.Stage };
                Stages.Add(row);
            }

            row.Apply(s);
        }

        UpdatedAt = now;
        if (IsFilledIn)
        {
            AssessedOn = today;
            AssessedById = byId;
            AssessedBy = byName;
        }

        return [];
    }

    /// <summary>The compliance officer accepts every residual risk waiting for acceptance, with one comment.</summary>
    public IReadOnlyList<RiskError> Accept(Guid? byId, string byName, string comment, DateTimeOffset at)
    {
        if (!IsFilledIn)
        {
            return [new RiskError(null, "", RiskProblem.NotFilledIn)];
        }

        var pending = Stages.Where(s => s.NeedsAcceptance).ToList();
        if (pending.Count == 0)
        {
            return [new RiskError(null, "", RiskProblem.NothingToAccept)];
        }

        foreach (var stage in pending)
        {
            stage.AcceptedById = byId;
            stage.AcceptedBy = byName;
            stage.AcceptedAt = at;
            stage.AcceptanceComment = comment.Trim();
        }

        UpdatedAt = at;
        return [];
    }
}

/// <summary>One life-cycle stage of a risk assessment: one row of the risk register.</summary>
public class RiskAssessmentStage
{
    public Guid Id { get; set; }
    public Guid RiskAssessmentId { get; set; }
    public RiskAssessment RiskAssessment { get; set; } = null!;
    public LifeCycleStage Stage { get; set; }
    /// <summary>The data set does not go through this stage (e.g. nothing is provided to others).</summary>
    public bool NotApplicable { get; private set; }
    /// <summary>The risks in words (紛失, 漏えい, 改ざん, 目的外利用 …).</summary>
    public string Risk { get; private set; } = "";
    public int? Likelihood { get; private set; }
    public int? Impact { get; private set; }
    /// <summary>Likelihood × impact (stored for the register's filters; written only by <see cref="Apply"/>).</summary>
    public int? Score { get; private set; }
    public string Measures { get; private set; } = "";
    /// <summary>Measures of the APPI catalog (ids of <see cref="Measure"/> rows of the version current when linked).</summary>
    public List<Guid> MeasureIds { get; private set; } = [];
    public int? ResidualLikelihood { get; private set; }
    public int? ResidualImpact { get; private set; }
    public int? ResidualScore { get; private set; }
    public Guid? AcceptedById { get; internal set; }
    public string AcceptedBy { get; internal set; } = "";
    public DateTimeOffset? AcceptedAt { get; internal set; }
    public string AcceptanceComment { get; internal set; } = "";

    public RiskLevel? Level => RiskAssessment.LevelOf(Score);

    public RiskLevel? ResidualLevel => RiskAssessment.LevelOf(ResidualScore);

    /// <summary>Marked not applicable, or the risk, both ratings, the measures and both residual ratings given.</summary>
    public bool IsFilledIn => NotApplicable || (Risk.Length > 0 && Score is not null && (Measures.Length > 0 || MeasureIds.Count > 0) && ResidualScore is not null);

    public static bool NeedsAcceptanceOf(bool notApplicable, int? residualScore) => !notApplicable && residualScore > RiskAssessment.AcceptableScore;

    public bool NeedsAcceptance => NeedsAcceptanceOf(NotApplicable, ResidualScore) && AcceptedAt is null;

    /// <summary>Writes the stage (its values already checked by <see cref="RiskAssessment.Record"/>); a change withdraws the acceptance.</summary>
    internal void Apply(StageAssessment s)
    {
        var risk = s.Risk.Trim();
        var measures = s.Measures.Trim();
        var ids = s.MeasureIds.Distinct().ToList();
        var changed = NotApplicable != s.NotApplicable || Risk != risk || Likelihood != s.Likelihood || Impact != s.Impact
            || Measures != measures || !MeasureIds.Order().SequenceEqual(ids.Order())
            || ResidualLikelihood != s.ResidualLikelihood || ResidualImpact != s.ResidualImpact;
        // A stage the data set does not go through has no ratings (its words are kept: they may say why).
        var rated = !s.NotApplicable;
        NotApplicable = s.NotApplicable;
        Risk = risk;
        Likelihood = rated ? s.Likelihood : null;
        Impact = rated ? s.Impact : null;
        Score = rated && s is { Likelihood: { } l, Impact: { } i } ? RiskAssessment.Score(l, i) : null;
        Measures = measures;
        MeasureIds = ids;
        ResidualLikelihood = rated ? s.ResidualLikelihood : null;
        ResidualImpact = rated ? s.ResidualImpact : null;
        ResidualScore = rated && s is { ResidualLikelihood: { } rl, ResidualImpact: { } ri } ? RiskAssessment.Score(rl, ri) : null;
        if (changed)
        {
            AcceptedById = null;
            AcceptedBy = "";
            AcceptedAt = null;
            AcceptanceComment = "";
        }
    }
}
