namespace Controls.Web.Domain;

/// <summary>The organisation-wide settings; one row.</summary>
public class OrganisationSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>IANA time-zone id in which dates are shown and periods are cut.</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";
    /// <summary>First month of the fiscal year (April by default).</summary>
    public int FiscalYearStartMonth { get; set; } = 4;

    /// <summary>The fiscal year a day falls in, named by the calendar year it starts in (April 2026 – March 2027 is 2026).</summary>
    public static int FiscalYearOf(DateOnly day, int startMonth) => day.Month >= startMonth ? day.Year : day.Year - 1;
    /// <summary>Roles whose members must enrol in two-factor authentication.</summary>
    public List<string> TwoFactorRequiredRoles { get; set; } = [];
    /// <summary>True when the demo seed created this organisation: the sign-in page says so.</summary>
    public bool IsDemo { get; set; }
    /// <summary>The incident register is closed to department heads: only compliance officers and administrators see it.</summary>
    public bool IncidentsComplianceOfficersOnly { get; set; }
    /// <summary>
    /// Days within which a data subject's request is to be answered (the due date's default: receipt plus
    /// these days). The law says "without delay" and gives no number; 14 by default.
    /// </summary>
    public int RequestResponseDays { get; set; } = DefaultRequestResponseDays;

    public const int DefaultRequestResponseDays = 14;
    public uint Version { get; set; }
}
