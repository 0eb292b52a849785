namespace Controls.Web.Features.Incidents;

/// <summary>
/// The report deadlines of a reportable incident as dates in the organisation's time zone: the
/// day of awareness is the local date of <c>AwareAt</c> there (an awareness at 00:30 in Tokyo is
/// that day, although it is still the day before in UTC), and each deadline is that date plus
/// the configured number of days. Only when the organisation opts in
/// (<see cref="IncidentOptions.RollOverNonWorkingDays"/>) does a deadline on a Saturday, Sunday or
/// Japanese national holiday move to the next working day: whether the PPC's deadlines roll over is
/// not settled (the reference calls it provisional), so by default they do not.
/// </summary>
public sealed record IncidentDeadlines(DateOnly AwareOn, DateOnly Preliminary, DateOnly Final)
{
    public static IncidentDeadlines Compute(DateTimeOffset awareAt, TimeZoneInfo zone, bool malicious, IncidentOptions options)
    {
        var awareOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(awareAt, zone).DateTime);
        var preliminary = awareOn.AddDays(options.PreliminaryReportDays);
        var final = awareOn.AddDays(malicious ? options.MaliciousFinalReportDays : options.FinalReportDays);
        return options.RollOverNonWorkingDays
            ? new(awareOn, JapaneseHolidays.NextWorkingDay(preliminary), JapaneseHolidays.NextWorkingDay(final))
            : new(awareOn, preliminary, final);
    }
}
