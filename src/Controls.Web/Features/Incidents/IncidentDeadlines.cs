namespace Controls.Web.Features.Incidents;

/// <summary>
/// The report deadlines of a reportable incident as dates in the organisation's time zone: the
/// day of awareness is the local date of <c>AwareAt</c> there (an awareness at 00:30 in Tokyo is
/// that day, although it is still the day before in UTC), and each deadline is that date plus
/// the configured number of days.
/// </summary>
public sealed record IncidentDeadlines(DateOnly AwareOn, DateOnly Preliminary, DateOnly Final)
{
    public static IncidentDeadlines Compute(DateTimeOffset awareAt, TimeZoneInfo zone, bool malicious, IncidentOptions options)
    {
        var awareOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(awareAt, zone).DateTime);
        return new(awareOn, awareOn.AddDays(options.PreliminaryReportDays),
            awareOn.AddDays(malicious ? options.MaliciousFinalReportDays : options.FinalReportDays));
    }
}
