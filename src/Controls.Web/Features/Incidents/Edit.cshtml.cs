using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>Change the facts of an incident (another department's is a 404 to a department head); concurrent edits are detected by the row version.</summary>
public class EditModel(AppDbContext db, IncidentAccess access, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string CurrentTitle { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        Input = IncidentInput.From(incident, clock.Zone);
        Version = incident.Version;
        await Show(incident);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        var zone = clock.Zone;
        await IncidentForm.CheckAsync(db, access, l, ModelState, User, Input, incident.DepartmentId, time.GetUtcNow(), zone);
        if (!ModelState.IsValid)
        {
            await Show(incident);
            return Page();
        }

        Input.ApplyTo(incident, zone);
        db.Entry(incident).Property(i => i.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
            if (current is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Input = IncidentInput.From(current, zone);
            Version = current.Version;
            await Show(current);
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task Show(Incident incident)
    {
        Id = incident.Id;
        CurrentTitle = incident.Title;
        Departments = await IncidentForm.DepartmentChoices(db, access, User, incident.DepartmentId);
        Contractors = await IncidentForm.ContractorChoices(db, access, User);
        LedgerEntries = await IncidentForm.LedgerChoices(db, access, User);
    }
}
