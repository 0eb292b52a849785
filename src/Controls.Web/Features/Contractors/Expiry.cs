namespace Controls.Web.Features.Contractors;

public enum ExpiryState
{
    None,
    Valid,
    Soon,
    Expired,
}

/// <summary>How close a date (a certificate's expiry, a contract's end) is, in the organisation's calendar.</summary>
public static class Expiry
{
    /// <summary>Within this many days a date counts as "soon" (highlighted; matched by the list's filters).</summary>
    public const int WarningDays = 90;

    public static ExpiryState Of(DateOnly? date, DateOnly today) => date switch
    {
        null => ExpiryState.None,
        { } d when d < today => ExpiryState.Expired,
        { } d when d <= today.AddDays(WarningDays) => ExpiryState.Soon,
        _ => ExpiryState.Valid,
    };

    /// <summary>The CSS class of site.css that marks the state (expired in red, soon highlighted).</summary>
    public static string CssClass(ExpiryState state) => state switch
    {
        ExpiryState.Expired => "expiry-expired",
        ExpiryState.Soon => "expiry-soon",
        _ => "",
    };

    public static string Format(DateOnly? date) =>
        date?.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
