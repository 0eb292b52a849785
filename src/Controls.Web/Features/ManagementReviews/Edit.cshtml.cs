using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>Correct the record of a management review; concurrent edits are detected by the row version and show the stored record.</summary>
public class EditModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ManagementReviewInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        Id = id;
        Input = ManagementReviewInput.From(review);
        Version = review.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.ManagementReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        Id = id;
        Input.Check(ModelState, l, DateOnly.FromDateTime(clock.Now.DateTime));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(review);
        db.Entry(review).Property(r => r.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (current is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Input = ManagementReviewInput.From(current);
            Version = current.Version;
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Details", new { id });
    }
}
