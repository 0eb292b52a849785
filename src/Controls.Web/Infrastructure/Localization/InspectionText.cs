using System.Globalization;
using Controls.Web.Domain;

namespace Controls.Web.Infrastructure.Localization;

/// <summary>How inspection dates and states are shown on every page (and in exports).</summary>
public static class InspectionText
{
    public static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>2026/04/01–2026/06/30</summary>
    public static string Period(DateOnly start, DateOnly end) => Date(start) + "–" + Date(end);

    public static string StatusClass(InspectionStatus status) => status switch
    {
        InspectionStatus.NotStarted => "text-bg-light",
        InspectionStatus.InProgress => "text-bg-info",
        InspectionStatus.Submitted => "text-bg-primary",
        InspectionStatus.Returned => "text-bg-warning",
        InspectionStatus.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };
}
