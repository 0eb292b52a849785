using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>
/// One request: its facts, the identity check, and its handling — start, answer, refuse (wholly or
/// in part) or record its withdrawal. Each step is the entity's (DataSubjectRequest), which refuses
/// what does not follow the rules with a message and changes nothing; the steps are for those who
/// may record the request (a compliance officer, the department's head), others read it.
/// </summary>
public class DetailsModel(AppDbContext db, RequestAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public DataSubjectRequest Item { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public string? LedgerEntry { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public int ResponseDays => clock.Settings.RequestResponseDays;

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public IdentityInput Identity { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public sealed class IdentityInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Requests.Field.IdentityVerifiedOn")]
        public DateOnly? On { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(DataSubjectRequest.ShortLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Requests.Field.IdentityMethod")]
        public string? Method { get; set; }
    }

    /// <summary>The fields of answering, refusing and withdrawing (each form posts the ones it needs).</summary>
    public sealed class CloseInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Requests.AnsweredOn")]
        public DateOnly? On { get; set; }

        [StringLength(DataSubjectRequest.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Requests.Field.Response")]
        public string? Response { get; set; }

        [StringLength(DataSubjectRequest.ShortLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Requests.Field.ResponseMethod")]
        public string? Method { get; set; }

        [StringLength(DataSubjectRequest.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Requests.Field.RefusalReason")]
        public string? Reason { get; set; }

        [Display(Name = "Requests.Field.PartlyRefused")]
        public bool Partly { get; set; }

        [Range(0, DataSubjectRequest.MaxFee, ErrorMessage = "Requests.FeeRange")]
        [Display(Name = "Requests.Field.Fee")]
        public int? Fee { get; set; }
    }

    /// <summary>Which form a refusal belongs to, so its messages show there.</summary>
    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var request = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        await Show(request, fill: true);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid id) => StepAsync(id, null, r => r.Start(), "Requests.Started");

    public Task<IActionResult> OnPostIdentityAsync(Guid id) =>
        StepAsync(id, nameof(Identity), r => r.VerifyIdentity(Identity.On!.Value, Identity.Method ?? "", Today), "Requests.IdentityRecorded");

    public Task<IActionResult> OnPostAnswerAsync(Guid id) =>
        StepAsync(id, nameof(Close), r => r.Answer(Close.On!.Value, Close.Response ?? "", Close.Method ?? "", Close.Fee, Today), "Requests.Answered", "answer");

    public Task<IActionResult> OnPostRefuseAsync(Guid id) =>
        StepAsync(id, nameof(Close), r => r.Refuse(Close.On!.Value, Close.Reason ?? "", Close.Partly, Close.Response ?? "", Close.Method ?? "", Today), "Requests.Refused", "refuse");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        StepAsync(id, nameof(Close), r => r.Withdraw(Close.On!.Value, Close.Response ?? "", Today), "Requests.Withdrawn", "withdraw");

    /// <summary>
    /// One step: the request must be visible (else 404) and this user may record it (else 403); the
    /// posted fields are validated, then the entity's rule decides; a refusal shows on the page and
    /// changes nothing, a concurrent change shows the conflict with the current request.
    /// </summary>
    private async Task<IActionResult> StepAsync(Guid id, string? input, Func<DataSubjectRequest, IReadOnlyList<RequestError>> step, string done, string? form = null)
    {
        var request = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        if (!RequestAccess.CanEdit(User, request.DepartmentId))
        {
            return Forbid();
        }

        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Failed = form ?? input?.ToLowerInvariant();
        ModelState.Clear();
        if (input == nameof(Identity))
        {
            TryValidateModel(Identity, nameof(Identity));
        }
        else if (input == nameof(Close))
        {
            TryValidateModel(Close, nameof(Close));
        }

        if (ModelState.IsValid)
        {
            foreach (var error in step(request))
            {
                ModelState.AddModelError(Key(input, error.Field), RequestForm.Problem(l, error, ResponseDays));
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await Show(request, fill: false);
            return Page();
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
            if (current is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Failed = null;
            await Show(current, fill: true);
            return Page();
        }

        TempData["Message"] = l[done].Value;
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Where an entity's refusal shows: the form's field, or the page's summary.</summary>
    private static string Key(string? input, string field) => field switch
    {
        nameof(DataSubjectRequest.IdentityVerifiedOn) when input == nameof(Identity) => "Identity.On",
        nameof(DataSubjectRequest.IdentityMethod) => "Identity.Method",
        nameof(DataSubjectRequest.ClosedOn) => "Close.On",
        nameof(DataSubjectRequest.Response) => "Close.Response",
        nameof(DataSubjectRequest.ResponseMethod) => "Close.Method",
        nameof(DataSubjectRequest.RefusalReason) => "Close.Reason",
        nameof(DataSubjectRequest.Fee) => "Close.Fee",
        _ => "",
    };

    private async Task Show(DataSubjectRequest request, bool fill)
    {
        var en = Languages.Current == Languages.English;
        Item = request;
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Department = await db.Departments.AsNoTracking().Where(d => d.Id == request.DepartmentId)
            .Select(d => d.Code + " " + (en ? d.NameEn : d.NameJa)).SingleAsync();
        LedgerEntry = request.LedgerEntryId is { } entry
            ? await db.LedgerEntries.AsNoTracking().Where(e => e.Id == entry).Select(e => e.Name).SingleOrDefaultAsync()
            : null;
        CanEdit = RequestAccess.CanEdit(User, request.DepartmentId);
        if (fill)
        {
            Version = request.Version;
            Identity = new IdentityInput { On = request.IdentityVerifiedOn ?? Today, Method = request.IdentityMethod };
            Close = new CloseInput { On = Today };
        }
    }
}
