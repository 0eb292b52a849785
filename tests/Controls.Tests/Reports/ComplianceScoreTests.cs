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
    [InlineData(0.8125, 81.3)]   // a half: away from zero, as Excel and the dashboard's "0.0" show it
    [InlineData(0.8135, 81.4)]   // 81.35 in binary is 81.34999…: decimal keeps the half
    [InlineData(0.81249, 81.2)]
    [InlineData(2.0 / 3, 66.7)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 100.0)]
    public void Every_page_and_export_rounds_a_score_to_one_decimal_with_halves_away_from_zero(double score, double percent) =>
        Assert.Equal(percent, ComplianceScore.Percent(score));

    [Fact]
    public void The_change_is_the_difference_of_the_percentages_as_shown()
    {
        // 13/16 = 81.25 % is shown as 81.3 and 1/2 as 50.0: the change shown is 31.3 (not 31.25 rounded to even, 31.2).
        var now = new ComplianceScore(13, 16);
        var before = new ComplianceScore(1, 2);
        Assert.Equal(81.3, ComplianceScore.Percent(now.Value));
        Assert.Equal(31.3, now.ChangeSince(before));
        Assert.Null(ComplianceScore.Percent(null));
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
    [Fact]
    public void The_score_of_counts_is_the_score_of_as_many_answers()
    {
        Assert.Equal(ComplianceScore.Of([AnswerValue.Yes, AnswerValue.Yes, AnswerValue.Partial, AnswerValue.No]), ComplianceScore.FromCounts(2, 1, 1));
        Assert.Null(ComplianceScore.FromCounts(0, 0, 0).Value);
    }

    [Fact]
    public void The_sql_that_keeps_inspection_scores_is_written_from_the_formula()
    {
        Assert.Equal([AnswerValue.Yes, AnswerValue.Partial, AnswerValue.No], ComplianceScore.CountedValues);
        Assert.Equal("CASE a.value WHEN 'Yes' THEN 1.0 WHEN 'Partial' THEN 0.5 WHEN 'No' THEN 0.0 END", ComplianceScore.SqlPoints("a.value"));
        Assert.Equal("a.value IN ('Yes', 'Partial', 'No')", ComplianceScore.SqlCounts("a.value"));
    }

    [Fact]
    public void Every_answer_that_counts_has_its_points_in_the_sql_and_no_other_does()
    {
        var sql = ComplianceScore.SqlPoints("v");
        foreach (var value in Enum.GetValues<AnswerValue>())
        {
            var points = ComplianceScore.PointsOf(value);
            Assert.Equal(points is not null, sql.Contains($"'{value}'", StringComparison.Ordinal));
            if (points is { } p)
            {
                Assert.Contains($"WHEN '{value}' THEN {p.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture)}", sql, StringComparison.Ordinal);
            }
        }
    }
}
