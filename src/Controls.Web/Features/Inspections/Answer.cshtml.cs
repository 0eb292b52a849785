using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Ledger;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// The inspection form (点検表): the measures and check items in scope, answered item by item.
/// Every item is its own small form (answer, improvement action, evidence), so each save stands
/// alone and works without JavaScript (site.js saves in the background when it can).
/// Who: the department's head and delegates answer while it is open, only the head submits;
/// those who see all departments (compliance officers, auditors, management, administrators)
/// read it. Another department's inspection is 404; a change posted by someone who may read but
/// not answer is 403.
/// </summary>
[RequestSizeLimit(EvidenceOptions.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceOptions.RequestLimit)]
public class AnswerModel(
    AppDbContext db,
    InspectionAccess access,
    InspectionContent content,
    SaveAnswer saveAnswer,
    SaveImprovementAction saveAction,
    AttachEvidence evidence,
    SubmitInspection submit,
    EvidenceStore store,
    LedgerMeasureContext ledger,
    OrganisationClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public InspectionContent.Sheet Sheet { get; private set; } = null!;
    /// <summary>"?unanswered=1": only the items not answered yet (site.js toggles the same without a reload).</summary>
    public bool OnlyUnanswered => Request.Query["unanswered"] == "1";

    public bool IsAnswered(Guid itemId) => Sheet.Answers.TryGetValue(itemId, out var answer) && answer.Value is not null;

    /// <summary>The user answers for this department (head or delegate) and the inspection is open.</summary>
    public bool CanAnswer { get; private set; }

    public bool CanSignOff { get; private set; }

    /// <summary>A delegate (answers, does not sign off).</summary>
    public bool IsDelegate { get; private set; }

    public bool CanReview { get; private set; }

    public List<SelectListItem> Owners { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>What the department's ledger says about EXT-1 and ORG-3 (countries abroad, entries overdue for review).</summary>
    public LedgerMeasureContext.Context Ledger { get; private set; } = new([], []);

    public string MaxEvidenceSize => EvidenceStore.Megabytes(store.MaxBytes);

    /// <summary>The item whose change was refused, its messages, and what was posted (shown again).</summary>
    public Guid? FailedItemId { get; private set; }

    public IReadOnlyList<string> ItemErrors { get; private set; } = [];

    public PostedAnswer? Posted { get; private set; }

    public PostedAction? PostedActionInput { get; private set; }

    /// <summary>What the user had entered when their save met someone else's (shown next to the stored answer).</summary>
    public PostedAnswer? Overtaken { get; private set; }

    public IReadOnlyList<string> SubmitErrors { get; private set; } = [];

    public IReadOnlyList<SubmitInspection.Missing> Missing { get; private set; } = [];

    /// <summary>The item saved just before this page was shown (from the redirect).</summary>
    public Guid? SavedItemId { get; private set; }

    public sealed record PostedAnswer(string? Value, string? Comment, uint Version);

    public sealed record PostedAction(string? Action, Guid? OwnerId, string? DueOn);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SavedItemId = TempData["SavedItem"] is string saved && Guid.TryParse(saved, out var item) ? item : null;
        return Page();
    }

    /// <summary>An evidence file, as an attachment, to those who may see the inspection.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken)
    {
        var file = await evidence.OpenAsync(User, id, evidenceId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostSaveAnswerAsync(
        Guid id, [FromForm] Guid itemId, [FromForm] string? value, [FromForm] string? comment, [FromForm] string? version, CancellationToken cancellationToken)
    {
        // An unreadable version cannot match anything stored: it is treated as out of date.
        var posted = new PostedAnswer(value, comment, uint.TryParse(version, out var v) ? v : uint.MaxValue);
        var result = await saveAnswer.SaveAsync(User, new SaveAnswer.Request(id, itemId, value, comment, posted.Version), cancellationToken);
        if (WantsJson)
        {
            return await AnswerJsonAsync(id, result, cancellationToken);
        }

        if (!result.Succeeded)
        {
            if (result.Outcome == InspectionChange.Conflict)
            {
                Overtaken = posted;
            }
            else
            {
                Posted = posted;
            }
        }

        return await AfterAsync(id, itemId, result.Outcome, result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveActionAsync(
        Guid id, [FromForm] Guid itemId, [FromForm] Guid? actionId, [FromForm] string? actionVersion,
        [FromForm] string? action, [FromForm] Guid? ownerId, [FromForm] string? dueOn, CancellationToken cancellationToken)
    {
        var result = await saveAction.SaveAsync(User,
            new SaveImprovementAction.Request(id, itemId, actionId, ParseVersion(actionVersion), action, ownerId, dueOn), cancellationToken);
        if (result.Outcome == InspectionChange.Invalid)
        {
            PostedActionInput = new PostedAction(action, ownerId, dueOn);
        }

        return await AfterAsync(id, itemId, result.Outcome, result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteActionAsync(
        Guid id, [FromForm] Guid itemId, [FromForm] Guid actionId, [FromForm] string? actionVersion, CancellationToken cancellationToken)
    {
        var result = await saveAction.RemoveAsync(User, id, actionId, ParseVersion(actionVersion), cancellationToken);
        return await AfterAsync(id, itemId, result.Outcome, result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadEvidenceAsync(Guid id, [FromForm] Guid itemId, IFormFile? file, CancellationToken cancellationToken)
    {
        var upload = file is null ? null : new EvidenceStore.Upload(file.FileName, file.Length, file.OpenReadStream);
        var result = await evidence.AttachAsync(User, id, itemId, upload, cancellationToken);
        return await AfterAsync(id, itemId, result.Outcome, result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, [FromForm] Guid itemId, [FromForm] Guid evidenceId, CancellationToken cancellationToken)
    {
        var result = await evidence.RemoveAsync(User, id, evidenceId, cancellationToken);
        return await AfterAsync(id, itemId, result.Outcome, result.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromForm] bool signOff, CancellationToken cancellationToken)
    {
        var result = await submit.SubmitAsync(User, id, signOff, cancellationToken);
        switch (result.Outcome)
        {
            case InspectionChange.Done:
                TempData["Message"] = l["Submit.Done"].Value;
                return RedirectToPage("Answer", new { id });
            case InspectionChange.NotFound:
                return NotFound();
            case InspectionChange.Forbidden:
                return Forbid();
        }

        SubmitErrors = result.Errors;
        Missing = result.Missing;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>May open the ledger entry's edit page (else the entry is shown in the ledger's list).</summary>
    public bool CanEditLedger(Guid departmentId) => LedgerAccess.CanEdit(User, departmentId);

    public string ItemCode(Guid itemId) => Sheet.Items.FirstOrDefault(i => i.Id == itemId)?.Code ?? "";

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private static uint ParseVersion(string? version) => uint.TryParse(version, out var v) ? v : uint.MaxValue;

    /// <summary>Back to the item after a change; the page again, with the item's messages, if it was refused.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Guid itemId, InspectionChange outcome, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case InspectionChange.NotFound:
                return NotFound();
            case InspectionChange.Forbidden:
                return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var code = ItemCode(itemId);
        if (outcome == InspectionChange.Done)
        {
            TempData["SavedItem"] = itemId.ToString();
            return RedirectToPage("Answer", null, new { id }, "item-" + code);
        }

        FailedItemId = itemId;
        ItemErrors = errors;
        return Page();
    }

    private async Task<IActionResult> AnswerJsonAsync(Guid id, SaveAnswer.Result result, CancellationToken cancellationToken)
    {
        var status = result.Outcome switch
        {
            InspectionChange.Done => StatusCodes.Status200OK,
            InspectionChange.NotFound => StatusCodes.Status404NotFound,
            InspectionChange.Forbidden => StatusCodes.Status403Forbidden,
            InspectionChange.Invalid => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        if (result.Outcome is InspectionChange.NotFound or InspectionChange.Forbidden)
        {
            return new JsonResult(new { saved = false, errors = Array.Empty<string>() }) { StatusCode = status };
        }

        var progress = await InspectionContent.WithProgress(db.Inspections.Where(i => i.Id == id), db)
            .Select(p => new { p.Answered, p.Total })
            .SingleAsync(cancellationToken);
        return new JsonResult(new
        {
            saved = result.Succeeded,
            version = result.Version,
            needsAction = Answer.NeedsAction(result.Value),
            answered = progress.Answered,
            total = progress.Total,
            message = result.Succeeded ? l["Answers.Saved"].Value : "",
            errors = result.Errors,
        })
        { StatusCode = status };
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var sheet = await content.LoadAsync(await access.VisibleAsync(User, cancellationToken), id, cancellationToken);
        if (sheet is null)
        {
            return false;
        }

        Sheet = sheet;
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var answering = await access.AnsweringDepartmentAsync(User, cancellationToken) == sheet.Header.DepartmentId;
        CanAnswer = answering && sheet.Header.IsOpen;
        CanSignOff = sheet.Header.IsOpen && User.IsInRole(Roles.DepartmentHead) && DepartmentScope.DepartmentOf(User) == sheet.Header.DepartmentId;
        IsDelegate = answering && !User.IsInRole(Roles.DepartmentHead);
        if (sheet.Measures.Any(m => m.Code is LedgerEntry.ForeignEnvironmentMeasure or LedgerEntry.LedgerMeasure))
        {
            Ledger = await ledger.ForAsync(sheet.Header.DepartmentId, Today, cancellationToken);
        }

        CanReview = sheet.Header.Status == InspectionStatus.Submitted && Infrastructure.Authorization.SeparationOfDuties.RefusesReview(User, sheet.Header.DepartmentId) is null;
        if (CanAnswer)
        {
            Owners = await SaveImprovementAction.PossibleOwners(db, sheet.Header.DepartmentId)
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
                .Select(u => new SelectListItem(u.DisplayName + " (" + u.Email + ")", u.Id.ToString()))
                .ToListAsync(cancellationToken);
        }

        return true;
    }
}
