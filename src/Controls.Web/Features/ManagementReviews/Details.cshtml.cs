using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>
/// One management review: its record, the inputs assembled from the state for its period, the
/// previous review's outputs and how far they were carried out, and this review's outputs with the
/// actions that carry them out; its workbook (the management-review workbook for its period).
/// </summary>
public class DetailsModel(AppDbContext db, ReviewInputs inputs, ManagementReviewWorkbook workbook, OrganisationClock clock) : PageModel
{
    public ManagementReview Review { get; private set; } = null!;
    public ReviewInputs.Figures Inputs { get; private set; } = null!;
    public List<ReviewInputs.OutputRow> Outputs { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        Review = review;
        Inputs = await inputs.AssembleAsync(review, cancellationToken);
        Outputs = await inputs.OutputsAsync(id, cancellationToken);
        MayRecord = PageAccess.MayRecordManagementReviews(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        return Page();
    }

    /// <summary>The management-review workbook for the review's period, in the reader's language.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        var period = ReviewInputs.PeriodOf(review, clock.Settings.FiscalYearStartMonth);
        await workbook.SendAsync(Response, new ReportFilter(period), cancellationToken);
        return new EmptyResult();
    }
}
