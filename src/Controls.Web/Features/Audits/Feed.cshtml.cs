using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Audits;

/// <summary>The personal iCalendar feed itself (<see cref="AuditCalendar"/>): no sign-in (calendar apps cannot), the secret in the URL is the key; a wrong one is 404.</summary>
public class FeedModel(AuditCalendar calendar) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        // Absolute, from the request's scheme, host and path base: a calendar app has no page to resolve a relative URL against.
        var feed = await calendar.FeedAsync(
            token, (page, values, fragment) => new Uri(Url.Page(page, pageHandler: null, values: values, protocol: Request.Scheme, host: Request.Host.ToUriComponent(), fragment: fragment)!),
            cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return Content(feed, "text/calendar; charset=utf-8");
    }
}
