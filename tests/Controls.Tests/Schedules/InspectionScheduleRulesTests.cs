using Controls.Web.Domain;

namespace Controls.Tests.Schedules;

/// <summary>
/// A schedule's steps (pause, resume, end), on the entity: which are allowed from which status, and
/// how resuming skips the periods that began while the schedule was paused.
/// </summary>
public class InspectionScheduleRulesTests
{
    private const int April = 4;

    private static InspectionSchedule Schedule(ScheduleStatus status, ScheduleRecurrence recurrence = ScheduleRecurrence.Quarterly, string? generatedThrough = null) => new()
    {
        Id = Guid.NewGuid(),
        Recurrence = recurrence,
        CronExpression = recurrence == ScheduleRecurrence.Cron ? "0 0 9 ? * MON" : null,
        StartsOn = D("2026-04-01"),
        Status = status,
        GeneratedThrough = generatedThrough is null ? null : D(generatedThrough),
    };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void An_active_schedule_is_paused()
    {
        var schedule = Schedule(ScheduleStatus.Active);
        Assert.Null(schedule.Pause());
        Assert.Equal(ScheduleStatus.Paused, schedule.Status);
    }

    [Theory]
    [InlineData(ScheduleStatus.Paused)]
    [InlineData(ScheduleStatus.Ended)]
    public void Only_an_active_schedule_is_paused(ScheduleStatus status)
    {
        var schedule = Schedule(status);
        Assert.Equal("Schedules.NotAllowed", schedule.Pause());
        Assert.Equal(status, schedule.Status);
    }

    [Theory]
    [InlineData(ScheduleStatus.Active)]
    [InlineData(ScheduleStatus.Paused)]
    public void An_active_or_paused_schedule_is_ended(ScheduleStatus status)
    {
        var schedule = Schedule(status, generatedThrough: "2026-06-30");
        Assert.Null(schedule.End());
        Assert.Equal((ScheduleStatus.Ended, (DateOnly?)D("2026-06-30")), (schedule.Status, schedule.GeneratedThrough));
    }

    [Fact]
    public void An_ended_schedule_is_not_ended_again()
    {
        var schedule = Schedule(ScheduleStatus.Ended);
        Assert.Equal("Schedules.NotAllowed", schedule.End());
        Assert.Equal(ScheduleStatus.Ended, schedule.Status);
    }

    [Theory]
    [InlineData(ScheduleStatus.Active)]
    [InlineData(ScheduleStatus.Ended)]
    public void Only_a_paused_schedule_is_resumed_and_a_refused_resume_skips_nothing(ScheduleStatus status)
    {
        var schedule = Schedule(status, generatedThrough: "2026-06-30");
        Assert.Equal("Schedules.NotAllowed", schedule.Resume(D("2026-11-21"), April));
        Assert.Equal((status, (DateOnly?)D("2026-06-30")), (schedule.Status, schedule.GeneratedThrough));
    }

    [Theory]
    [InlineData(ScheduleRecurrence.Monthly, "2026-10-31")]
    [InlineData(ScheduleRecurrence.Quarterly, "2026-09-30")]
    [InlineData(ScheduleRecurrence.Semiannual, "2026-09-30")]
    public void Resuming_skips_the_periods_begun_while_paused_so_only_the_current_one_is_generated(ScheduleRecurrence recurrence, string skippedThrough)
    {
        // Paused in May with the period from April generated (GeneratedThrough is the last generated period's start); resumed on 21 November.
        var schedule = Schedule(ScheduleStatus.Paused, recurrence, generatedThrough: "2026-04-01");
        Assert.Null(schedule.Resume(D("2026-11-21"), April));
        Assert.Equal((ScheduleStatus.Active, (DateOnly?)D(skippedThrough)), (schedule.Status, schedule.GeneratedThrough));
    }

    [Fact]
    public void A_fiscal_year_schedule_resumed_in_the_next_fiscal_year_skips_the_whole_paused_year()
    {
        // FY2025 generated, paused through FY2026, resumed in May 2027: FY2027 is generated, FY2026 is not.
        var schedule = Schedule(ScheduleStatus.Paused, ScheduleRecurrence.Annual, generatedThrough: "2025-04-01");
        Assert.Null(schedule.Resume(D("2027-05-10"), April));
        Assert.Equal(D("2027-03-31"), schedule.GeneratedThrough);
    }

    [Fact]
    public void Quarters_follow_the_organisations_fiscal_year()
    {
        var schedule = Schedule(ScheduleStatus.Paused, ScheduleRecurrence.Quarterly);
        Assert.Null(schedule.Resume(D("2026-11-21"), 1));
        Assert.Equal(D("2026-09-30"), schedule.GeneratedThrough);
    }

    [Fact]
    public void A_cron_schedule_resumes_from_today_skipping_every_fire_before_it()
    {
        var schedule = Schedule(ScheduleStatus.Paused, ScheduleRecurrence.Cron, generatedThrough: "2026-05-04");
        Assert.Null(schedule.Resume(D("2026-11-21"), April));
        Assert.Equal((ScheduleStatus.Active, (DateOnly?)D("2026-11-20")), (schedule.Status, schedule.GeneratedThrough));
    }

    [Fact]
    public void A_schedule_never_generated_skips_everything_before_the_current_period()
    {
        var schedule = Schedule(ScheduleStatus.Paused, ScheduleRecurrence.Monthly);
        Assert.Null(schedule.Resume(D("2026-11-21"), April));
        Assert.Equal(D("2026-10-31"), schedule.GeneratedThrough);
    }

    [Theory]
    [InlineData(ScheduleRecurrence.Monthly, "2026-11-21", "2026-11-01")]
    [InlineData(ScheduleRecurrence.Quarterly, "2026-11-21", "2026-10-01")]
    [InlineData(ScheduleRecurrence.Annual, "2026-11-21", "2026-04-01")]
    [InlineData(ScheduleRecurrence.Cron, "2026-11-23", "2026-11-23")]
    public void A_generated_through_already_later_is_kept(ScheduleRecurrence recurrence, string today, string generatedThrough)
    {
        // The current period was generated before the pause: resuming never moves generation back.
        var schedule = Schedule(ScheduleStatus.Paused, recurrence, generatedThrough: generatedThrough);
        Assert.Null(schedule.Resume(D(today), April));
        Assert.Equal((ScheduleStatus.Active, (DateOnly?)D(generatedThrough)), (schedule.Status, schedule.GeneratedThrough));
    }

    [Fact]
    public void A_paused_schedule_is_resumed_and_paused_again()
    {
        var schedule = Schedule(ScheduleStatus.Active);
        Assert.Null(schedule.Pause());
        Assert.Null(schedule.Resume(D("2026-11-21"), April));
        Assert.Null(schedule.Pause());
        Assert.Equal(ScheduleStatus.Paused, schedule.Status);
    }
}
