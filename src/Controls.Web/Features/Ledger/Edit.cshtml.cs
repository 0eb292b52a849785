using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Contractors;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Change a ledger entry (another department's is a 404 to a department head); concurrent edits are detected by the row version.</summary>
public class EditModel(AppDbContext db, LedgerAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public LedgerInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string CurrentName { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }

        if (!LedgerAccess.CanEdit(User, entry.DepartmentId))
        {
            return Forbid();
        }

        Input = LedgerInput.From(entry);
        Version = entry.Version;
        await Show(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entry = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }

        if (!LedgerAccess.CanEdit(User, entry.DepartmentId))
        {
            return Forbid();
        }

        await LedgerForm.CheckAsync(db, l, ModelState, User, Input, entry.DepartmentId);
        if (!ModelState.IsValid)
        {
            await Show(entry);
            return Page();
        }

        Input.ApplyTo(entry);
        db.Entry(entry).Property(e => e.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == id);
            if (!LedgerAccess.CanEdit(User, current.DepartmentId))
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Input = LedgerInput.From(current);
            Version = current.Version;
            await Show(current);
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    private async Task Show(LedgerEntry entry)
    {
        Id = entry.Id;
        CurrentName = entry.Name;
        Departments = await LedgerForm.DepartmentChoices(db, User, entry.DepartmentId);
        Countries = ContractorForm.CountryChoices(Languages.Current);
        Contractors = await LedgerForm.ContractorChoices(db, User);
    }
}
