using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>Record a management review: when, by whom, for which period, and the inputs the state cannot give (complaints, changes in circumstances).</summary>
public class CreateModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordCreateModel<ManagementReview, ManagementReviewInput>(db, l)
{
    /// <summary>Whoever reaches the page (PageAccess: the recorders of reviews).</summary>
    protected override bool CanCreate() => true;

    protected override void FillDefaults()
    {
        // The usual case: the yearly review, held now, of the fiscal year just ended.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var lastYear = ReportPeriod.CurrentFiscalYear(today, clock.Settings.FiscalYearStartMonth).Previous(clock.Settings.FiscalYearStartMonth);
        Input = new ManagementReviewInput { Kind = ManagementReviewKind.Annual, HeldOn = today, PeriodStart = lastYear.Start, PeriodEnd = lastYear.End };
    }

    protected override Task CheckAsync()
    {
        Input.Check(ModelState, L, DateOnly.FromDateTime(clock.Now.DateTime));
        return Task.CompletedTask;
    }

    /// <summary>The form has no choices to load.</summary>
    protected override Task ShowAsync() => Task.CompletedTask;

    protected override ManagementReview Create()
    {
        var review = new ManagementReview
        {
            Id = Guid.NewGuid(),
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User)!.Value,
        };
        Input.ApplyTo(review);
        return review;
    }

    protected override string CreatedMessage(ManagementReview review) => L["ManagementReviews.Created"].Value;

    protected override IActionResult Saved(ManagementReview review) => RedirectToPage("Details", new { id = review.Id });
}
