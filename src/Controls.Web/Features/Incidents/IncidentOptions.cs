using System.ComponentModel.DataAnnotations;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// The report deadlines (section <c>Incidents</c>), in the organisation's calendar days counted
/// from the day after the organisation became aware. The PPC asks for the preliminary report
/// "promptly" (about 3–5 days) and the final report within 30 days (60 for possibly malicious
/// incidents); how days are counted is not settled, so the numbers are configurable.
/// </summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    [Range(3, 5)]
    public int PreliminaryReportDays { get; set; } = 3;

    [Range(1, 365)]
    public int FinalReportDays { get; set; } = 30;

    [Range(1, 365)]
    public int MaliciousFinalReportDays { get; set; } = 60;

    /// <summary>Days before the final report's deadline on which it is reminded (besides the day itself).</summary>
    [Range(1, 60)]
    public int FinalReminderDaysBefore { get; set; } = 7;

    /// <summary>
    /// A deadline falling on a Saturday, Sunday or Japanese national holiday moves to the next working
    /// day. Off by default: the reference leaves holiday roll-over provisional (not settled by the PPC).
    /// </summary>
    public bool RollOverNonWorkingDays { get; set; }
}
