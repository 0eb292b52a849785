using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Change an audit's scope, window, lead and team (independence re-checked on every save) and move
/// it through its status steps; closing with open major nonconformities needs a recorded reason.
/// </summary>
public class EditModel(AppDbContext db, SaveAudit save, AuditLifecycle lifecycle, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AuditInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Audit Audit { get; private set; } = null!;
    public SaveAudit.Choices Choices { get; private set; } = null!;
    public int OpenMajor { get; private set; }
    public string? StatusError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        Input = From(audit);
        Version = audit.Version;
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        var outcome = await save.UpdateAsync(audit, ModelState, Input, Version, clock.Settings.FiscalYearStartMonth, cancellationToken);
        if (outcome == SaveAudit.Outcome.Saved)
        {
            TempData["Message"] = l["Common.Saved"].Value;
            return RedirectToPage("Edit", new { id });
        }

        if (outcome == SaveAudit.Outcome.Conflict)
        {
            // Show what is stored now, with its version: saving again is a decision made on it.
            db.ChangeTracker.Clear();
            audit = (await FindAsync(id, cancellationToken))!;
            Version = audit.Version;
        }

        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, [FromForm] string? status, [FromForm] string? closingReason, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        ModelState.Clear();
        StatusError = await lifecycle.ChangeStatusAsync(User, audit, status, closingReason, Version, cancellationToken);
        if (StatusError is null)
        {
            TempData["Message"] = l["Audits.StatusChanged", l["AuditStatus." + audit.Status]].Value;
            return RedirectToPage("Edit", new { id });
        }

        db.ChangeTracker.Clear();
        audit = (await FindAsync(id, cancellationToken))!;
        Input = From(audit);
        Version = audit.Version;
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    private Task<Audit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Audits.Include(a => a.Team).Include(a => a.CatalogVersion).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private static AuditInput From(Audit audit) => new()
    {
        Title = audit.Title,
        DepartmentIds = audit.DepartmentIds,
        ContractorIds = audit.ContractorIds,
        MeasureCodes = string.Join(", ", audit.MeasureCodes),
        WindowStart = audit.WindowStart,
        WindowEnd = audit.WindowEnd,
        LeadAuditorId = audit.LeadAuditorId,
        TeamIds = audit.Team.Select(m => m.UserId).ToList(),
    };

    private async Task LoadAsync(Audit audit, CancellationToken cancellationToken)
    {
        Audit = audit;
        Choices = await save.ChoicesAsync(cancellationToken);
        OpenMajor = await lifecycle.OpenMajorNonconformitiesAsync(audit.Id, cancellationToken);
    }
}
