using Controls.Web.Features.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>The user's personal calendar feed of audits: create or regenerate its secret URL (shown once).</summary>
public class CalendarModel(AuditCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    public DateTimeOffset? CreatedAt { get; private set; }
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CreatedAt = await calendar.CreatedAtAsync(InspectionAccess.UserId(User)!.Value, cancellationToken);
        if (TempData["FeedToken"] is string token)
        {
            FeedUrl = $"{Request.Scheme}://{Request.Host}{Url.Page("Feed", new { token })}";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        TempData["FeedToken"] = await calendar.RegenerateAsync(InspectionAccess.UserId(User)!.Value, cancellationToken);
        TempData["Message"] = l["Audits.FeedRegenerated"].Value;
        return RedirectToPage("Calendar");
    }
}
