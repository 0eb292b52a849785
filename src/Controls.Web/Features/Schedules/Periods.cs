using Controls.Web.Domain;

namespace Controls.Web.Features.Schedules;

/// <summary>One inspection period (対象期間): calendar dates, inclusive, in the schedule's time zone.</summary>
public sealed record Period(DateOnly Start, DateOnly End)
{
    /// <summary>The instant the period begins: local midnight of its first day in <paramref name="zone"/>.</summary>
    public DateTimeOffset StartsAt(TimeZoneInfo zone) => Periods.Midnight(Start, zone);
}

/// <summary>
/// The periods of a recurrence. Months are calendar months; quarters, halves and years follow the
/// fiscal year (April by default: Q1 = April–June, H1 = April–September, FY = April–March); a schedule
/// starting inside a period includes that period. A cron schedule starts a period at each fire time
/// on or after its start date; a period ends the day before the next one.
/// </summary>
public static class Periods
{
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The period that contains <paramref name="day"/> (<see cref="InspectionSchedule.PeriodContaining"/>).</summary>
    public static Period Containing(ScheduleRecurrence recurrence, DateOnly day, int fiscalStartMonth)
    {
        var (start, end) = InspectionSchedule.PeriodContaining(recurrence, day, fiscalStartMonth);
        return new Period(start, end);
    }

    /// <summary>
    /// The schedule's periods that have begun by <paramref name="asOf"/>, from the one containing
    /// <paramref name="from"/> on, oldest first; none that start after the schedule's end date.
    /// </summary>
    public static IEnumerable<Period> Begun(InspectionSchedule schedule, DateOnly from, DateTimeOffset asOf, int fiscalStartMonth)
    {
        var zone = Zone(schedule.TimeZone);
        foreach (var period in From(schedule, from, fiscalStartMonth, zone))
        {
            if (period.StartsAt(zone) > asOf || (schedule.EndsOn is { } end && period.Start > end))
            {
                yield break;
            }

            yield return period;
        }
    }

    /// <summary>The next <paramref name="count"/> periods that begin after <paramref name="after"/> (for the schedule page).</summary>
    public static IEnumerable<Period> Upcoming(InspectionSchedule schedule, DateTimeOffset after, int count, int fiscalStartMonth)
    {
        var zone = Zone(schedule.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var from = today > schedule.StartsOn ? today : schedule.StartsOn;
        return From(schedule, from, fiscalStartMonth, zone)
            .Where(p => p.StartsAt(zone) > after)
            .TakeWhile(p => schedule.EndsOn is not { } end || p.Start <= end)
            .Take(count);
    }

    /// <summary>An endless sequence of periods from the one containing <paramref name="from"/>.</summary>
    private static IEnumerable<Period> From(InspectionSchedule schedule, DateOnly from, int fiscalStartMonth, TimeZoneInfo zone)
    {
        if (schedule.Recurrence == ScheduleRecurrence.Cron)
        {
            // An expression Cronos cannot evaluate (a year field stored in the Quartz years) has no
            // periods; the schedule form refuses it until it is corrected.
            if (!ScheduleCron.TryParse(schedule.CronExpression, out var cron))
            {
                yield break;
            }

            // A cron schedule's periods start at its fire times: the first on or after the given day.
            var cursor = cron.NextAfter(Midnight(from, zone).AddTicks(-1), zone);
            var guard = 0;
            while (cursor is { } fire && guard++ < 10_000)
            {
                var next = cron.NextAfter(fire, zone);
                var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fire, zone).DateTime);
                var end = next is { } n ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(n, zone).DateTime).AddDays(-1) : start;
                yield return new Period(start, end < start ? start : end);
                cursor = next;
            }

            yield break;
        }

        var period = Containing(schedule.Recurrence, from, fiscalStartMonth);
        while (true)
        {
            yield return period;
            period = Containing(schedule.Recurrence, period.End.AddDays(1), fiscalStartMonth);
        }
    }

    public static TimeZoneInfo Zone(string id) => Infrastructure.Time.OrganisationClock.FindZone(id);

    public static bool IsValidCron(string? expression) => ScheduleCron.TryParse(expression, out _);
}
