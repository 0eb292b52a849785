using Controls.Web.Domain;

namespace Controls.Tests.Ledger;

/// <summary>
/// The rules of a ledger entry's risk assessment: risk value = likelihood × impact, residual risk above
/// the acceptable level waits for the compliance officer, re-assessment due a year after the last one,
/// and what counts as complete.
/// </summary>
public class RiskAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly Today = new(2027, 4, 1);
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();

    private static StageAssessment Stage(LifeCycleStage stage, int likelihood = 2, int impact = 2, int residualLikelihood = 1, int residualImpact = 2, string risk = "紛失") =>
        new(stage, false, risk, likelihood, impact, "施錠保管", [], residualLikelihood, residualImpact);

    private static List<StageAssessment> EveryStage(Func<LifeCycleStage, StageAssessment>? make = null) =>
        Enum.GetValues<LifeCycleStage>().Select(s => make?.Invoke(s) ?? Stage(s)).ToList();

    private static RiskAssessment Assessed(Func<LifeCycleStage, StageAssessment>? make = null)
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        Assert.Empty(assessment.Record(EveryStage(make), Head, "佐藤 部門責任者", Today, Now));
        return assessment;
    }

    [Theory]
    [InlineData(1, 1, 1, RiskLevel.Low)]
    [InlineData(1, 2, 2, RiskLevel.Low)]
    [InlineData(3, 1, 3, RiskLevel.Medium)]
    [InlineData(2, 2, 4, RiskLevel.Medium)]
    [InlineData(2, 3, 6, RiskLevel.High)]
    [InlineData(3, 3, 9, RiskLevel.High)]
    public void The_risk_value_is_likelihood_times_impact_in_three_bands(int likelihood, int impact, int score, RiskLevel level)
    {
        Assert.Equal(score, RiskAssessment.Score(likelihood, impact));
        Assert.Equal(level, RiskAssessment.LevelOf(score));
    }

    [Fact]
    public void A_new_assessment_has_one_blank_row_per_life_cycle_stage_and_is_not_filled_in()
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        Assert.Equal(Enum.GetValues<LifeCycleStage>(), assessment.Stages.Select(s => s.Stage));
        Assert.False(assessment.IsFilledIn);
        Assert.False(assessment.IsComplete);
        Assert.Null(assessment.AssessedOn);
    }

    [Fact]
    public void Recording_every_stage_stores_the_scores_and_dates_the_assessment_with_next_review_a_year_later()
    {
        var assessment = Assessed(s => s == LifeCycleStage.Transfer ? Stage(s, 3, 3, 2, 2, "誤送信による漏えい") : Stage(s));
        var transfer = assessment.Stages.Single(s => s.Stage == LifeCycleStage.Transfer);
        Assert.Equal(9, transfer.Score);
        Assert.Equal(4, transfer.ResidualScore);
        Assert.Equal(RiskLevel.Medium, transfer.ResidualLevel);
        Assert.Equal(Today, assessment.AssessedOn);
        Assert.Equal("佐藤 部門責任者", assessment.AssessedBy);
        Assert.Equal(new DateOnly(2028, 4, 1), assessment.NextAssessment);
    }

    [Fact]
    public void A_draft_with_a_stage_missing_is_saved_but_not_dated_as_assessed()
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        Assert.Empty(assessment.Record([Stage(LifeCycleStage.Acquisition)], Head, "佐藤", Today, Now));
        Assert.Equal(2, assessment.Stages.Single(s => s.Stage == LifeCycleStage.Acquisition).ResidualScore);
        Assert.False(assessment.IsFilledIn);
        Assert.Null(assessment.AssessedOn);
    }

    [Fact]
    public void A_stage_without_measures_or_residual_risk_is_not_filled_in_but_one_marked_not_applicable_is()
    {
        var assessment = Assessed(s => s switch
        {
            LifeCycleStage.Provision => new StageAssessment(s, true, "第三者提供・委託なし", null, null, "", [], null, null),
            _ => Stage(s),
        });
        Assert.True(assessment.IsFilledIn);
        Assert.Null(assessment.Stages.Single(s => s.Stage == LifeCycleStage.Provision).Score);

        Assert.Empty(assessment.Record([new StageAssessment(LifeCycleStage.Use, false, "目的外利用", 2, 2, "", [], 1, 1)], Head, "佐藤", Today, Now));
        Assert.False(assessment.IsFilledIn);
        Assert.Empty(assessment.Record([new StageAssessment(LifeCycleStage.Use, false, "目的外利用", 2, 2, "", [Guid.NewGuid()], 1, 1)], Head, "佐藤", Today, Now));
        Assert.True(assessment.IsFilledIn);
    }

    [Theory]
    [InlineData(7, 2, 1, 1, "Likelihood")]
    [InlineData(2, 0, 1, 1, "Impact")]
    [InlineData(2, 2, -1, 1, "ResidualLikelihood")]
    [InlineData(2, 2, 1, 4, "ResidualImpact")]
    public void An_impossible_rating_is_refused_and_changes_nothing(int likelihood, int impact, int residualLikelihood, int residualImpact, string field)
    {
        var assessment = Assessed();
        var version = assessment.Stages.Select(s => (s.Score, s.ResidualScore)).ToList();
        var errors = assessment.Record(EveryStage(s => Stage(s, likelihood, impact, residualLikelihood, residualImpact, "改ざん")), Head, "佐藤", Today.AddDays(1), Now);
        Assert.Contains(errors, e => e.Field == field && e.Problem == RiskProblem.OutOfRange);
        Assert.Equal(version, assessment.Stages.Select(s => (s.Score, s.ResidualScore)).ToList());
        Assert.All(assessment.Stages, s => Assert.Equal("紛失", s.Risk));
        Assert.Equal(Today, assessment.AssessedOn);
    }

    [Fact]
    public void A_residual_risk_above_the_risk_before_the_measures_is_refused()
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        var errors = assessment.Record([Stage(LifeCycleStage.Storage, 1, 2, 3, 3)], Head, "佐藤", Today, Now);
        Assert.Equal([new RiskError(LifeCycleStage.Storage, "ResidualImpact", RiskProblem.ResidualAboveRisk)], errors);
        Assert.Null(assessment.Stages.Single(s => s.Stage == LifeCycleStage.Storage).Score);
    }

    [Fact]
    public void A_stage_given_twice_or_unknown_is_refused()
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        Assert.Contains(assessment.Record([Stage(LifeCycleStage.Input), Stage(LifeCycleStage.Input)], Head, "佐藤", Today, Now), e => e.Problem == RiskProblem.UnknownStage);
        Assert.Contains(assessment.Record([Stage((LifeCycleStage)42)], Head, "佐藤", Today, Now), e => e.Problem == RiskProblem.UnknownStage);
    }

    [Fact]
    public void A_residual_risk_above_the_acceptable_level_waits_for_the_officer_and_the_assessment_is_then_complete()
    {
        var assessment = Assessed(s => s == LifeCycleStage.Transfer ? Stage(s, 3, 3, 2, 2) : Stage(s, 2, 2, 1, 2));
        Assert.True(assessment.IsFilledIn);
        Assert.True(assessment.AcceptancePending);
        Assert.False(assessment.IsComplete);
        Assert.Equal([LifeCycleStage.Transfer], assessment.Stages.Where(s => s.NeedsAcceptance).Select(s => s.Stage));

        Assert.Empty(assessment.Accept(Officer, "個人情報保護管理者 山田", "暗号化の徹底を条件に受容", Now.AddDays(2)));
        var transfer = assessment.Stages.Single(s => s.Stage == LifeCycleStage.Transfer);
        Assert.Equal("個人情報保護管理者 山田", transfer.AcceptedBy);
        Assert.Equal(Now.AddDays(2), transfer.AcceptedAt);
        Assert.Equal("暗号化の徹底を条件に受容", transfer.AcceptanceComment);
        Assert.True(assessment.IsComplete);
        Assert.Equal([new RiskError(null, "", RiskProblem.NothingToAccept)], assessment.Accept(Officer, "山田", "", Now.AddDays(3)));
    }

    [Fact]
    public void Residual_risks_at_or_below_the_acceptable_level_need_no_acceptance()
    {
        var assessment = Assessed(s => Stage(s, 3, 3, 1, RiskAssessment.AcceptableScore));
        Assert.False(assessment.AcceptancePending);
        Assert.True(assessment.IsComplete);
    }

    [Fact]
    public void Acceptance_is_refused_until_every_stage_is_assessed()
    {
        var assessment = RiskAssessment.For(Guid.NewGuid(), Now);
        assessment.Record([Stage(LifeCycleStage.Acquisition, 3, 3, 3, 3)], Head, "佐藤", Today, Now);
        Assert.Equal([new RiskError(null, "", RiskProblem.NotFilledIn)], assessment.Accept(Officer, "山田", "", Now));
        Assert.Null(assessment.Stages.Single(s => s.Stage == LifeCycleStage.Acquisition).AcceptedAt);
    }

    [Fact]
    public void Changing_an_accepted_stage_withdraws_its_acceptance_and_saving_it_unchanged_keeps_it()
    {
        var assessment = Assessed(s => Stage(s, 3, 3, 2, 2));
        assessment.Accept(Officer, "山田", "受容", Now);
        Assert.False(assessment.AcceptancePending);

        assessment.Record(EveryStage(s => Stage(s, 3, 3, 2, 2)), Head, "佐藤", Today.AddYears(1), Now.AddYears(1));
        Assert.False(assessment.AcceptancePending);
        Assert.Equal(Today.AddYears(1), assessment.AssessedOn);

        assessment.Record([Stage(LifeCycleStage.Disposal, 3, 3, 2, 2, "廃棄業者からの漏えい")], Head, "佐藤", Today.AddYears(1), Now.AddYears(1));
        Assert.Equal([LifeCycleStage.Disposal], assessment.Stages.Where(s => s.NeedsAcceptance).Select(s => s.Stage));
        Assert.Equal("", assessment.Stages.Single(s => s.Stage == LifeCycleStage.Disposal).AcceptedBy);
    }

    [Fact]
    public void The_re_assessment_is_due_a_year_after_the_last_and_at_once_when_never_assessed()
    {
        var last = new DateOnly(2026, 5, 10);
        Assert.Equal(new DateOnly(2027, 5, 10), RiskAssessment.NextAssessmentOn(last));
        Assert.False(RiskAssessment.IsDue(last, new DateOnly(2027, 5, 9)));
        Assert.True(RiskAssessment.IsDue(last, new DateOnly(2027, 5, 10)));
        Assert.False(RiskAssessment.IsOverdue(last, new DateOnly(2027, 5, 10)));
        Assert.True(RiskAssessment.IsOverdue(last, new DateOnly(2027, 5, 11)));
        Assert.Null(RiskAssessment.NextAssessmentOn(null));
        Assert.True(RiskAssessment.IsDue(null, last));
        Assert.True(RiskAssessment.IsOverdue(null, last));
    }

    [Fact]
    public void A_stage_marked_not_applicable_keeps_its_words_but_no_ratings_and_needs_no_acceptance()
    {
        var assessment = Assessed();
        assessment.Record([new StageAssessment(LifeCycleStage.Provision, true, "提供しない", 3, 3, "", [], 3, 3)], Head, "佐藤", Today, Now);
        var provision = assessment.Stages.Single(s => s.Stage == LifeCycleStage.Provision);
        Assert.Equal("提供しない", provision.Risk);
        Assert.Null(provision.Score);
        Assert.Null(provision.ResidualScore);
        Assert.False(provision.NeedsAcceptance);
    }
}
