using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>Record an incident (a department head for their own department only).</summary>
public class CreateModel(AppDbContext db, IncidentAccess access, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!access.CanCreate(User))
        {
            return Forbid();
        }

        Input.DepartmentId = access.OwnDepartment(User);
        var now = IncidentInput.Local(time.GetUtcNow(), clock.Zone);
        Input.DiscoveredAt = now;
        Input.AwareAt = now;
        await LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!access.CanCreate(User))
        {
            return Forbid();
        }

        var zone = clock.Zone;
        await IncidentForm.CheckAsync(db, access, l, ModelState, User, Input, null, time.GetUtcNow(), zone);
        if (!ModelState.IsValid)
        {
            await LoadChoices();
            return Page();
        }

        var incident = new Incident { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow(), CreatedById = DepartmentScope.UserId(User)!.Value };
        Input.ApplyTo(incident, zone);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Incidents.Created", incident.Title].Value;
        return RedirectToPage("Details", new { id = incident.Id });
    }

    private async Task LoadChoices()
    {
        Departments = await IncidentForm.DepartmentChoices(db, access, User, null);
        Contractors = await IncidentForm.ContractorChoices(db, access, User);
        LedgerEntries = await IncidentForm.LedgerChoices(db, access, User);
    }
}
