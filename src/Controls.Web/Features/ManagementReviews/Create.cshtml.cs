using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>Record a management review: when, by whom, for which period, and the inputs the state cannot give (complaints, changes in circumstances).</summary>
public class CreateModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ManagementReviewInput Input { get; set; } = new();

    public void OnGet()
    {
        // The usual case: the yearly review, held now, of the fiscal year just ended.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var lastYear = ReportPeriod.CurrentFiscalYear(today, clock.Settings.FiscalYearStartMonth).Previous(clock.Settings.FiscalYearStartMonth);
        Input = new ManagementReviewInput { Kind = ManagementReviewKind.Annual, HeldOn = today, PeriodStart = lastYear.Start, PeriodEnd = lastYear.End };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Check(ModelState, l, DateOnly.FromDateTime(clock.Now.DateTime));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = new ManagementReview
        {
            Id = Guid.NewGuid(),
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User)!.Value,
        };
        Input.ApplyTo(review);
        db.ManagementReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["ManagementReviews.Created"].Value;
        return RedirectToPage("Details", new { id = review.Id });
    }
}
