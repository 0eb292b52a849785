using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>
/// Record the outputs of a management review (指示事項・決定事項・必要な資源) and give each to an
/// owner with a due date: it becomes a corrective action followed up on the actions list, and the
/// owner is told. Management and compliance officers (PageAccess).
/// </summary>
public class OutputsModel(AppDbContext db, ReviewInputs inputs, RecordReviewOutputs record, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class OutputInput
    {
        [Display(Name = "ManagementReviews.Field.OutputKind")]
        public ManagementReviewOutputKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "ManagementReviews.Field.OutputText")]
        public string? Text { get; set; }

        [Display(Name = "Field.Owner")]
        public Guid? OwnerId { get; set; }

        [Display(Name = "Field.DueOn")]
        public DateOnly? DueOn { get; set; }
    }

    public sealed class AssignInput
    {
        public Guid OutputId { get; set; }
        public uint Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Owner")]
        public Guid? OwnerId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.DueOn")]
        public DateOnly? DueOn { get; set; }
    }

    [BindProperty] public OutputInput NewOutput { get; set; } = new();
    [BindProperty] public AssignInput Assign { get; set; } = new();

    public ManagementReview Review { get; private set; } = null!;
    public List<ReviewInputs.OutputRow> Outputs { get; private set; } = [];
    public Dictionary<Guid, uint> Versions { get; private set; } = [];
    public List<SelectListItem> Owners { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The output whose assignment failed (its form shows the errors).</summary>
    public Guid? FailedOutputId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        OnlyForm(nameof(NewOutput));
        if (!Enum.IsDefined(NewOutput.Kind))
        {
            ModelState.AddModelError("NewOutput.Kind", l["ManagementReviews.UnknownOutputKind"]);
        }

        if (NewOutput.OwnerId is not null && NewOutput.DueOn is null)
        {
            ModelState.AddModelError("NewOutput.DueOn", l["ManagementReviews.DueNeeded"]);
        }
        else if (NewOutput.OwnerId is null && NewOutput.DueOn is not null)
        {
            ModelState.AddModelError("NewOutput.OwnerId", l["ManagementReviews.OwnerNeeded"]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }

        var outcome = await record.AddAsync(id, NewOutput.Kind, NewOutput.Text!, NewOutput.OwnerId, NewOutput.DueOn, DepartmentScope.UserId(User)!.Value, cancellationToken);
        return await AfterAsync(id, outcome, "NewOutput", "ManagementReviews.OutputAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken)
    {
        OnlyForm(nameof(Assign));
        FailedOutputId = Assign.OutputId;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }

        var outcome = await record.AssignAsync(id, Assign.OutputId, Assign.Version, Assign.OwnerId!.Value, Assign.DueOn!.Value, DepartmentScope.UserId(User)!.Value, cancellationToken);
        return await AfterAsync(id, outcome, "Assign", "ManagementReviews.OutputAssigned", cancellationToken);
    }

    /// <summary>The page has two forms; only the posted one's values (and their binding errors) count.</summary>
    private void OnlyForm(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<IActionResult> AfterAsync(Guid id, RecordReviewOutputs.Outcome outcome, string form, string doneKey, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case RecordReviewOutputs.Outcome.Done:
                TempData["Message"] = l[doneKey].Value;
                return RedirectToPage(new { id });
            case RecordReviewOutputs.Outcome.NotFound:
                return NotFound();
            case RecordReviewOutputs.Outcome.UnknownOwner:
                ModelState.AddModelError(form + ".OwnerId", l["ManagementReviews.UnknownOwner"]);
                break;
            case RecordReviewOutputs.Outcome.DueBeforeReview:
                ModelState.AddModelError(form + ".DueOn", l["ManagementReviews.DueBeforeReview"]);
                break;
            default:
                ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
                break;
        }

        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return false;
        }

        Review = review;
        Outputs = await inputs.OutputsAsync(id, cancellationToken);
        Versions = await db.ManagementReviewOutputs.AsNoTracking().Where(o => o.ManagementReviewId == id)
            .ToDictionaryAsync(o => o.Id, o => o.Version, cancellationToken);
        Owners = (await record.OwnerChoicesAsync(Languages.Current == Languages.English, cancellationToken))
            .Select(o => new SelectListItem(o.Label, o.Id.ToString())).ToList();
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        return true;
    }
}
