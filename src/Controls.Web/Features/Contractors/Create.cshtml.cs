using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// Register a contractor. Compliance officers and administrators for any department; a department
/// head for their own department only (any other owning department is refused).
/// </summary>
public class CreateModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ContractorInput Input { get; set; } = new();

    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ContractorAccess.CanCreate(User))
        {
            return Forbid();
        }

        Input.OwningDepartmentId = ContractorAccess.OwnDepartment(User);
        Input.Countries = ["JP"];
        await LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ContractorAccess.CanCreate(User))
        {
            return Forbid();
        }

        ModelState.Remove("Input.Status");
        Input.Status = ContractorStatus.Active;
        await ContractorForm.CheckAsync(db, l, ModelState, User, Input, null);
        if (!ModelState.IsValid)
        {
            await LoadChoices();
            return Page();
        }

        var contractor = new Contractor { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow() };
        Input.ApplyTo(contractor);
        db.Contractors.Add(contractor);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Contractors.Created", contractor.Name].Value;
        return RedirectToPage("Details", new { id = contractor.Id });
    }

    private async Task LoadChoices()
    {
        Departments = await ContractorForm.DepartmentChoices(db, User, null);
        Countries = ContractorForm.CountryChoices(Languages.Current);
    }
}
