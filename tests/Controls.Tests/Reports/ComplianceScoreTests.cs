using Controls.Web.Domain;
using Controls.Web.Features.Reports;

namespace Controls.Tests.Reports;

public class ComplianceScoreTests
{
    [Fact]
    public void Yes_counts_one_partial_half_no_nothing_and_not_applicable_or_unanswered_are_left_out()
    {
        var score = ComplianceScore.Of([AnswerValue.Yes, AnswerValue.Partial, AnswerValue.No, AnswerValue.NotApplicable, null]);
        Assert.Equal(3, score.Counted);
        Assert.Equal(0.5, score.Value);
    }

    [Fact]
    public void Nothing_that_counts_gives_no_score_rather_than_zero()
    {
        Assert.Null(ComplianceScore.Of([AnswerValue.NotApplicable, null]).Value);
        Assert.Null(ComplianceScore.Of([AnswerValue.Yes]).ChangeSince(ComplianceScore.Empty));
        Assert.Equal("score-none", ComplianceScore.Band(null));
    }

    [Fact]
    public void The_change_is_in_percentage_points()
    {
        var now = ComplianceScore.Of([AnswerValue.Yes, AnswerValue.Partial]);
        var before = ComplianceScore.Of([AnswerValue.Yes, AnswerValue.No]);
        Assert.Equal(25.0, now.ChangeSince(before));
    }

    [Theory]
    [InlineData("FY2026", "2026-04-01", "2027-03-31", "FY2025")]
    [InlineData("2026Q1", "2026-04-01", "2026-06-30", "2025Q4")]
    [InlineData("2026Q4", "2027-01-01", "2027-03-31", "2026Q3")]
    [InlineData("2026-01", "2026-01-01", "2026-01-31", "2025-12")]
    public void Periods_are_read_from_the_url_with_an_april_fiscal_year(string key, string start, string end, string previous)
    {
        Assert.True(ReportPeriod.TryParse(key, 4, out var period));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(previous, period.Previous(4).Key);
        Assert.Equal(12, period.LastPeriods(12, 4).Count);
        Assert.Equal(key, period.LastPeriods(12, 4)[^1].Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FY26")]
    [InlineData("2026Q5")]
    [InlineData("2026-13")]
    [InlineData("<script>")]
    public void Bad_periods_are_refused(string key) => Assert.False(ReportPeriod.TryParse(key, 4, out _));
}
