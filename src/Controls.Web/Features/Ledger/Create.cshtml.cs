using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Contractors;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Add a data set to the ledger (a department head for their own department).</summary>
public class CreateModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public LedgerInput Input { get; set; } = new();

    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!LedgerAccess.CanCreate(User))
        {
            return Forbid();
        }

        Input.DepartmentId = LedgerAccess.OwnDepartment(User);
        Input.Countries = ["JP"];
        await LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LedgerAccess.CanCreate(User))
        {
            return Forbid();
        }

        await LedgerForm.CheckAsync(db, l, ModelState, User, Input, null);
        if (!ModelState.IsValid)
        {
            await LoadChoices();
            return Page();
        }

        var entry = new LedgerEntry { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow() };
        Input.ApplyTo(entry);
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Ledger.Created", entry.Name].Value;
        return RedirectToPage("Index");
    }

    private async Task LoadChoices()
    {
        Departments = await LedgerForm.DepartmentChoices(db, User, null);
        Countries = ContractorForm.CountryChoices(Languages.Current);
        Contractors = await LedgerForm.ContractorChoices(db, User);
    }
}
