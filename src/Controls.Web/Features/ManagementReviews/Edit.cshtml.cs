using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>Correct the record of a management review (whoever reaches the page: PageAccess lets the recorders of reviews in); concurrent edits are detected by the row version and show the stored record.</summary>
public class EditModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l)
    : RecordEditModel<ManagementReview, ManagementReviewInput>(db, l)
{
    protected override Task<IQueryable<ManagementReview>> VisibleAsync() => Task.FromResult<IQueryable<ManagementReview>>(Db.ManagementReviews);

    protected override ManagementReviewInput ToInput(ManagementReview review) => ManagementReviewInput.From(review);

    protected override Task CheckAsync(ManagementReview review)
    {
        Input.Check(ModelState, L, DateOnly.FromDateTime(clock.Now.DateTime));
        return Task.CompletedTask;
    }

    protected override void Apply(ManagementReview review) => Input.ApplyTo(review);

    /// <summary>The form has no choices to load.</summary>
    protected override Task ShowAsync(ManagementReview review) => Task.CompletedTask;

    protected override IActionResult Saved(Guid id) => RedirectToPage("Details", new { id });
}
