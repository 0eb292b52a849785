using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// Change a contractor, including its status: a contractor leaves the register by being
/// terminated, never deleted (its inspections keep referring to it). Concurrent edits are
/// detected by the row version. Another department's contractor is a 404 to a department head.
/// </summary>
public class EditModel(AppDbContext db, ContractorAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ContractorInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string CurrentName { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var contractor = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (contractor is null)
        {
            return NotFound();
        }

        if (!ContractorAccess.CanEdit(User, contractor.OwningDepartmentId))
        {
            return Forbid();
        }

        Input = ContractorInput.From(contractor);
        Version = contractor.Version;
        await Show(contractor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var contractor = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(c => c.Id == id);
        if (contractor is null)
        {
            return NotFound();
        }

        if (!ContractorAccess.CanEdit(User, contractor.OwningDepartmentId))
        {
            return Forbid();
        }

        await ContractorForm.CheckAsync(db, l, ModelState, User, Input, contractor.OwningDepartmentId);
        if (!ModelState.IsValid)
        {
            await Show(contractor);
            return Page();
        }

        Input.ApplyTo(contractor);
        db.Entry(contractor).Property(c => c.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Show what is stored now (with its version), so that saving again is a decision made on it.
            db.ChangeTracker.Clear();
            var current = await db.Contractors.AsNoTracking().SingleAsync(c => c.Id == id);
            if (!ContractorAccess.CanEdit(User, current.OwningDepartmentId))
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Input = ContractorInput.From(current);
            Version = current.Version;
            await Show(current);
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task Show(Contractor contractor)
    {
        Id = contractor.Id;
        CurrentName = contractor.Name;
        Departments = await ContractorForm.DepartmentChoices(db, User, contractor.OwningDepartmentId);
        Countries = ContractorForm.CountryChoices(Languages.Current);
    }
}
