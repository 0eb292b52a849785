using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>
/// Change the facts of a request and its due date (an extension beyond the response period needs a
/// reason). Another department's answers 404 to a department head, one below theirs 403 (they read
/// it only); concurrent edits are detected by the row version and the current values shown.
/// </summary>
public class EditModel(AppDbContext db, RequestAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string CurrentReference { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];
    public int ResponseDays => clock.Settings.RequestResponseDays;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var request = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        if (!RequestAccess.CanEdit(User, request.DepartmentId))
        {
            return Forbid();
        }

        Input = RequestInput.From(request);
        Version = request.Version;
        await Show(request);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
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

        if (Input.DueOn is null)
        {
            ModelState.AddModelError("Input.DueOn", l["Validation.Required", l["Requests.Field.DueOn"]]);
        }

        await RequestForm.CheckAsync(db, l, ModelState, User, Input, request.DepartmentId, ResponseDays, DateOnly.FromDateTime(clock.Now.DateTime));
        if (!ModelState.IsValid)
        {
            await Show(request);
            return Page();
        }

        Input.ApplyTo(request, ResponseDays);
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
            Input = RequestInput.From(current);
            Version = current.Version;
            await Show(current);
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task Show(DataSubjectRequest request)
    {
        Id = request.Id;
        CurrentReference = request.Reference;
        Departments = await RequestForm.DepartmentChoices(db, User, request.DepartmentId);
        LedgerEntries = await RequestForm.LedgerChoices(db, User);
    }
}
