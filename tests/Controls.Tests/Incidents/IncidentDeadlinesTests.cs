using Controls.Web.Features.Incidents;

namespace Controls.Tests.Incidents;

/// <summary>Deadlines are dates in the organisation's time zone, counted from the local day of awareness.</summary>
public class IncidentDeadlinesTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Jst(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Default_deadlines_are_3_and_30_days_after_the_day_of_awareness_across_month_ends()
    {
        var deadlines = IncidentDeadlines.Compute(Jst(2027, 1, 30, 10, 0), Tokyo, malicious: false, new IncidentOptions());
        Assert.Equal(new DateOnly(2027, 1, 30), deadlines.AwareOn);
        Assert.Equal(new DateOnly(2027, 2, 2), deadlines.Preliminary);
        Assert.Equal(new DateOnly(2027, 3, 1), deadlines.Final);
    }

    [Fact]
    public void A_malicious_incident_has_60_days_for_the_final_report_and_leap_years_count()
    {
        var deadlines = IncidentDeadlines.Compute(Jst(2028, 1, 31, 9, 0), Tokyo, malicious: true, new IncidentOptions());
        Assert.Equal(new DateOnly(2028, 2, 3), deadlines.Preliminary);
        Assert.Equal(new DateOnly(2028, 3, 31), deadlines.Final);
    }

    [Fact]
    public void The_preliminary_report_days_are_configurable()
    {
        var deadlines = IncidentDeadlines.Compute(Jst(2027, 12, 29, 9, 0), Tokyo, malicious: false, new IncidentOptions { PreliminaryReportDays = 5 });
        Assert.Equal(new DateOnly(2028, 1, 3), deadlines.Preliminary);
        Assert.Equal(new DateOnly(2028, 1, 28), deadlines.Final);
    }

    [Fact]
    public void Awareness_late_in_the_evening_in_Tokyo_counts_from_that_Tokyo_day()
    {
        // 23:30 JST on 31 March is 14:30 UTC the same day: 31 March.
        var late = IncidentDeadlines.Compute(Jst(2027, 3, 31, 23, 30), Tokyo, false, new IncidentOptions());
        Assert.Equal(new DateOnly(2027, 3, 31), late.AwareOn);
        Assert.Equal(new DateOnly(2027, 4, 3), late.Preliminary);
        Assert.Equal(new DateOnly(2027, 4, 30), late.Final);

        // 00:30 JST on 1 April is still 31 March in UTC: the organisation's day (1 April) decides.
        var early = IncidentDeadlines.Compute(Jst(2027, 4, 1, 0, 30), Tokyo, false, new IncidentOptions());
        Assert.Equal(new DateOnly(2027, 4, 1), early.AwareOn);
        Assert.Equal(new DateOnly(2027, 4, 4), early.Preliminary);
        Assert.Equal(new DateOnly(2027, 5, 1), early.Final);
    }

    [Fact]
    public void Another_organisation_time_zone_gives_its_own_calendar_day()
    {
        // 23:30 JST on 31 March is 10:30 on 31 March in New York; 08:30 JST on 1 April is 19:30 on 31 March there.
        Assert.Equal(new DateOnly(2027, 3, 31), IncidentDeadlines.Compute(Jst(2027, 4, 1, 8, 30), NewYork, false, new IncidentOptions()).AwareOn);
        Assert.Equal(new DateOnly(2027, 4, 3), IncidentDeadlines.Compute(Jst(2027, 4, 1, 8, 30), NewYork, false, new IncidentOptions()).Preliminary);
    }
}

/// <summary>Japanese national holidays and the opt-in roll-over of deadlines to the next working day.</summary>
public class JapaneseHolidaysTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void The_2026_holidays_match_the_Cabinet_Office_list()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 1, 12), new(2026, 2, 11), new(2026, 2, 23), new(2026, 3, 20), new(2026, 4, 29),
            new(2026, 5, 3), new(2026, 5, 4), new(2026, 5, 5), new(2026, 5, 6), new(2026, 7, 20), new(2026, 8, 11),
            new(2026, 9, 21), new(2026, 9, 22), new(2026, 9, 23), new(2026, 10, 12), new(2026, 11, 3), new(2026, 11, 23),
        ];
        var actual = Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 1, 1).AddDays(d)).Where(JapaneseHolidays.IsHoliday).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_2027_equinoxes_and_a_substitute_holiday_after_a_Sunday()
    {
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2027, 3, 21)));   // vernal equinox (a Sunday)
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2027, 3, 22)));   // its substitute
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(2027, 9, 23)));   // autumnal equinox
        Assert.False(JapaneseHolidays.IsHoliday(new DateOnly(2027, 9, 22)));
    }

    [Fact]
    public void Deadlines_stay_on_a_weekend_by_default_and_roll_over_only_when_the_organisation_opts_in()
    {
        // Aware on Wednesday 29 April 2026 (Showa Day): +3 = Saturday 2 May; +30 = Friday 29 May.
        var aware = new DateTimeOffset(2026, 4, 29, 10, 0, 0, TimeSpan.FromHours(9));
        var plain = IncidentDeadlines.Compute(aware, Tokyo, malicious: false, new IncidentOptions());
        Assert.Equal(new DateOnly(2026, 5, 2), plain.Preliminary);

        var rolled = IncidentDeadlines.Compute(aware, Tokyo, malicious: false, new IncidentOptions { RollOverNonWorkingDays = true });
        Assert.Equal(new DateOnly(2026, 5, 7), rolled.Preliminary);   // past the weekend and Golden Week (3–6 May)
        Assert.Equal(new DateOnly(2026, 5, 29), rolled.Final);         // a working day stays

        // A final deadline on the September holidays (21–23 Sep 2026) moves to Thursday 24 September.
        var september = IncidentDeadlines.Compute(new DateTimeOffset(2026, 8, 22, 9, 0, 0, TimeSpan.FromHours(9)), Tokyo, malicious: false,
            new IncidentOptions { RollOverNonWorkingDays = true });
        Assert.Equal(new DateOnly(2026, 9, 24), september.Final);
    }
}
