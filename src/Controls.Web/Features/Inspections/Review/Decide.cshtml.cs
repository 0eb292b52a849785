using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections.Review;

/// <summary>
/// The review of one inspection: its answers, comments, improvement actions and evidence, then
/// accept, or return with comments on the items concerned and an overall comment. Compliance officers.
/// </summary>
public class DecideModel(AppDbContext db, InspectionContent content, ReviewInspection review, IStringLocalizer<SharedResource> l) : PageModel
{
    public InspectionContent.Sheet Sheet { get; private set; } = null!;

    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Dictionary<Guid, string?> ItemComments { get; set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool AwaitsReview => Sheet.Header.Status == InspectionStatus.Submitted;
    /// <summary>Why this officer may not decide this inspection (their own department's), or null: the page is then read-only.</summary>
    public string? Refusal => Infrastructure.Authorization.SeparationOfDuties.RefusesReview(User, Sheet.Header.DepartmentId) is { } key ? l[key].Value : null;
    public bool CanDecide => AwaitsReview && Refusal is null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Sheet.Header.Version;
        ItemComments = Sheet.Answers.Values.Where(a => a.ReviewComment.Length > 0).ToDictionary(a => a.CheckItemId, a => (string?)a.ReviewComment);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await review.AcceptAsync(User, id, Version, Comment, cancellationToken), "Review.Accepted", cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await review.ReturnAsync(User, id, Version, Comment, ItemComments, cancellationToken), "Review.Returned", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, ReviewInspection.Result result, string message, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case InspectionChange.Done:
                TempData["Message"] = l[message].Value;
                return RedirectToPage("Index");
            case InspectionChange.NotFound:
                return NotFound();
            case InspectionChange.Forbidden:
                return Forbid();
        }

        Errors = result.Errors;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result.Outcome == InspectionChange.Conflict)
        {
            // Show what is stored now; the officer decides again on the current state.
            Version = Sheet.Header.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var sheet = await content.LoadAsync(db.Inspections, id, cancellationToken);
        if (sheet is null)
        {
            return false;
        }

        Sheet = sheet;
        return true;
    }
}
