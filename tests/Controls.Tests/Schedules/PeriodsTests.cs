using Controls.Web.Domain;
using Controls.Web.Features.Schedules;

namespace Controls.Tests.Schedules;

public class PeriodsTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static InspectionSchedule Schedule(ScheduleRecurrence recurrence, string starts = "2026-04-01", string? ends = null, string? cron = null) => new()
    {
        Recurrence = recurrence,
        StartsOn = DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture),
        EndsOn = ends is null ? null : DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
        CronExpression = cron,
        TimeZone = "Asia/Tokyo",
    };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ScheduleRecurrence.Monthly, "2026-02-14", "2026-02-01", "2026-02-28")]
    [InlineData(ScheduleRecurrence.Monthly, "2028-02-29", "2028-02-01", "2028-02-29")]
    [InlineData(ScheduleRecurrence.Quarterly, "2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData(ScheduleRecurrence.Quarterly, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(ScheduleRecurrence.Quarterly, "2027-03-31", "2027-01-01", "2027-03-31")]
    [InlineData(ScheduleRecurrence.Semiannual, "2026-09-30", "2026-04-01", "2026-09-30")]
    [InlineData(ScheduleRecurrence.Semiannual, "2027-02-01", "2026-10-01", "2027-03-31")]
    [InlineData(ScheduleRecurrence.Annual, "2027-03-31", "2026-04-01", "2027-03-31")]
    [InlineData(ScheduleRecurrence.Annual, "2027-04-01", "2027-04-01", "2028-03-31")]
    public void Periods_follow_the_fiscal_year_starting_in_April(ScheduleRecurrence recurrence, string day, string start, string end) =>
        Assert.Equal(new Period(D(start), D(end)), Periods.Containing(recurrence, D(day), 4));

    [Fact]
    public void A_fiscal_year_starting_in_January_gives_calendar_quarters() =>
        Assert.Equal(new Period(D("2026-01-01"), D("2026-03-31")), Periods.Containing(ScheduleRecurrence.Quarterly, D("2026-02-10"), 1));

    [Fact]
    public void A_quarter_begins_at_midnight_in_Tokyo_not_UTC()
    {
        var schedule = Schedule(ScheduleRecurrence.Quarterly);
        var justBefore = new DateTimeOffset(2026, 6, 30, 23, 59, 0, TimeSpan.FromHours(9));
        var justAfter = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(9));   // 2026-06-30 15:00 UTC
        Assert.Equal([D("2026-04-01")], Periods.Begun(schedule, schedule.StartsOn, justBefore, 4).Select(p => p.Start));
        Assert.Equal([D("2026-04-01"), D("2026-07-01")], Periods.Begun(schedule, schedule.StartsOn, justAfter, 4).Select(p => p.Start));
    }

    [Fact]
    public void Periods_after_the_end_date_are_not_generated()
    {
        var schedule = Schedule(ScheduleRecurrence.Monthly, "2026-04-01", ends: "2026-06-15");
        var periods = Periods.Begun(schedule, schedule.StartsOn, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 4).ToList();
        Assert.Equal([D("2026-04-01"), D("2026-05-01"), D("2026-06-01")], periods.Select(p => p.Start));
    }

    [Fact]
    public void A_start_date_inside_a_period_includes_that_period()
    {
        var schedule = Schedule(ScheduleRecurrence.Quarterly, "2026-11-21");
        var period = Assert.Single(Periods.Begun(schedule, schedule.StartsOn, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(9)), 4));
        Assert.Equal(new Period(D("2026-10-01"), D("2026-12-31")), period);
    }

    [Fact]
    public void A_cron_schedule_starts_a_period_at_each_fire_time()
    {
        // The first Monday of each quarter's first month, 09:00 Tokyo.
        var schedule = Schedule(ScheduleRecurrence.Cron, "2026-04-01", cron: "0 0 9 ? 1,4,7,10 MON#1");
        var periods = Periods.Begun(schedule, schedule.StartsOn, new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(9)), 4).ToList();
        Assert.Equal([D("2026-04-06"), D("2026-07-06"), D("2026-10-05")], periods.Select(p => p.Start));
        Assert.Equal(D("2026-07-05"), periods[0].End);
    }

    [Fact]
    public void Upcoming_lists_the_next_periods()
    {
        var schedule = Schedule(ScheduleRecurrence.Quarterly);
        var next = Periods.Upcoming(schedule, new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(9)), 3, 4).Select(p => p.Start);
        Assert.Equal([D("2027-01-01"), D("2027-04-01"), D("2027-07-01")], next);
    }

    [Theory]
    [InlineData("0 0 9 ? 1,4,7,10 MON#1", true)]
    [InlineData("not a cron", false)]
    [InlineData("", false)]
    public void Cron_expressions_are_validated(string expression, bool valid) => Assert.Equal(valid, Periods.IsValidCron(expression));
}
