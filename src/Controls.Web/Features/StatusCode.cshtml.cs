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

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        // Reached directly (not re-executed for a failed request), this page is simply not found.
        var status = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null ? 404 : code;
        var key = status switch
        {
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
