using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features;

/// <summary>The 403, 404, 429 (with when to try again) and other status pages, in the user's language. Public.</summary>
[IgnoreAntiforgeryToken]
public class StatusCodeModel(IStringLocalizer<SharedResource> l, TimeProvider time, Infrastructure.Time.OrganisationClock clock) : PageModel
{
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    /// <summary>
    /// The status is the failed request's own, never a value read from the request: a re-executed
    /// POST still carries the original form, whose values (hostile ones included) must not decide it.
    /// </summary>
    private IActionResult Show()
    {
        // Reached directly (not re-executed for a failed request), this page is simply not found.
        var status = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? 404;
        var key = status switch
        {
            400 => "Status.400",
            403 => "Status.403",
            413 => "Status.413",
            429 => "Status.429",
            404 => "Status.404",
            _ => "Status.Other",
        };
        Title = l[key + ".Title"];
        Body = l[key + ".Body"];
        if (status == 429 && HttpContext.Items[Infrastructure.Web.RateLimits.RetryAfterItem] is int seconds)
        {
            var at = TimeZoneInfo.ConvertTime(time.GetUtcNow().AddSeconds(seconds), clock.Zone);
            Body = l["Status.429.RetryAfter", seconds, at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)];
        }
        Response.StatusCode = status;
        return Page();
    }
}
