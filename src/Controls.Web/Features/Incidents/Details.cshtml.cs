using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// One incident: its facts, the computed reportability with its explanation, the compliance
/// officer's decision (confirm or override with a reason), the report deadlines and the dates the
/// reports were submitted and the people told, and the report draft to copy.
/// </summary>
public class DetailsModel(AppDbContext db, IncidentAccess access, OrganisationClock clock, TimeProvider time, IOptions<IncidentOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public Incident Incident { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public string? Contractor { get; private set; }
    public string? DecidedBy { get; private set; }
    public List<string> LedgerEntries { get; private set; } = [];
    public Reportability Assessment { get; private set; } = null!;
    public bool Reportable { get; private set; }
    public IncidentDeadlines Deadlines { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanDecide { get; private set; }
    public string Draft { get; private set; } = "";

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ReportsInput Reports { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    public List<ActionRow> Actions { get; private set; } = [];
    public List<SelectListItem> Owners { get; private set; } = [];

    public sealed record ActionRow(string Action, string Owner, DateOnly DueOn, CorrectiveActionStatus Status);

    public sealed class ActionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(IncidentInput.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Incidents.Field.Action")]
        public string? Action { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Incidents.Field.ActionOwner")]
        public Guid? OwnerId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Incidents.Field.ActionDueOn")]
        public DateOnly? DueOn { get; set; }
    }

    public sealed class DecisionInput
    {
        public bool Reportable { get; set; }

        [StringLength(IncidentInput.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Incidents.Field.DecisionReason")]
        public string? Reason { get; set; }
    }

    public sealed class ReportsInput
    {
        [Display(Name = "Incidents.Field.PreliminaryReportedOn")]
        public DateOnly? PreliminaryReportedOn { get; set; }

        [Display(Name = "Incidents.Field.FinalReportedOn")]
        public DateOnly? FinalReportedOn { get; set; }

        [Display(Name = "Incidents.Field.IndividualsNotifiedOn")]
        public DateOnly? IndividualsNotifiedOn { get; set; }

        [StringLength(IncidentInput.TextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Incidents.Field.IndividualsNotification")]
        public string? IndividualsNotification { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        await Show(incident, fill: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        if (!IncidentAccess.CanDecide(User))
        {
            return Forbid();
        }

        ModelState.Clear();
        TryValidateModel(Decision, nameof(Decision));
        var computed = IncidentReportability.Assess(incident).Reportable;
        var reason = Decision.Reason?.Trim() ?? "";
        if (Incident.CheckDecision(Decision.Reportable, computed, reason) is { } problem)
        {
            ModelState.AddModelError("Decision.Reason", l[problem]);
        }

        if (!ModelState.IsValid || incident.Decide(Decision.Reportable, computed, reason, DepartmentScope.UserId(User), time.GetUtcNow()) is not null)
        {
            await Show(incident, fill: false);
            return Page();
        }

        return await SaveAsync(incident, l["Incidents.Decided"].Value);
    }

    public async Task<IActionResult> OnPostReportsAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        if (!IncidentAccess.CanDecide(User))
        {
            return Forbid();
        }

        ModelState.Clear();
        TryValidateModel(Reports, nameof(Reports));
        var zone = clock.Zone;
        var awareOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(incident.AwareAt, zone).DateTime);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        // (ReportsInput's fields are named as the incident's.)
        foreach (var (field, problem) in Incident.CheckReportDates(Reports.PreliminaryReportedOn, Reports.FinalReportedOn, Reports.IndividualsNotifiedOn, awareOn, today))
        {
            ModelState.AddModelError("Reports." + field, l[problem]);
        }

        if (!ModelState.IsValid
            || incident.RecordReports(Reports.PreliminaryReportedOn, Reports.FinalReportedOn, Reports.IndividualsNotifiedOn,
                Reports.IndividualsNotification?.Trim() ?? "", awareOn, today).Count > 0)
        {
            await Show(incident, fill: false);
            return Page();
        }

        return await SaveAsync(incident, l["Common.Saved"].Value);
    }

    /// <summary>Adds a recurrence-prevention action: a corrective action (Source = Incident) of the incident's department, linked to it, in one save.</summary>
    public async Task<IActionResult> OnPostActionAsync(Guid id)
    {
        var incident = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }

        if (!access.CanEdit(User, incident.DepartmentId))
        {
            return Forbid();
        }

        ModelState.Clear();
        TryValidateModel(NewAction, nameof(NewAction));
        if (NewAction.OwnerId is { } ownerId && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive && u.DepartmentId == incident.DepartmentId))
        {
            ModelState.AddModelError("NewAction.OwnerId", l["Incidents.UnknownOwner"]);
        }

        if (!ModelState.IsValid)
        {
            await Show(incident, fill: true);
            return Page();
        }

        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.Incident,
            DepartmentId = incident.DepartmentId,
            Action = NewAction.Action!.Trim(),
            RootCause = incident.Cause,
            OwnerId = NewAction.OwnerId!.Value,
            DueOn = NewAction.DueOn!.Value,
            Status = CorrectiveActionStatus.Open,
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User)!.Value,
        };
        db.CorrectiveActions.Add(action);
        db.IncidentActions.Add(new IncidentAction { IncidentId = incident.Id, CorrectiveActionId = action.Id });
        await db.SaveChangesAsync();
        TempData["Message"] = l["Incidents.ActionAdded"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> SaveAsync(Incident incident, string message)
    {
        db.Entry(incident).Property(i => i.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await (await access.VisibleAsync(User)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == incident.Id);
            if (current is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            await Show(current, fill: true);
            return Page();
        }

        TempData["Message"] = message;
        return RedirectToPage("Details", new { id = incident.Id });
    }

    private async Task Show(Incident incident, bool fill)
    {
        var language = Languages.Current;
        var zone = clock.Zone;
        Incident = incident;
        var names = await db.Departments.AsNoTracking().Where(d => d.Id == incident.DepartmentId)
            .Select(d => new { d.Code, d.NameJa, d.NameEn }).SingleAsync();
        Department = $"{names.Code} {(language == "en" ? names.NameEn : names.NameJa)}";
        Contractor = incident.ContractorId is { } contractorId
            ? await db.Contractors.AsNoTracking().Where(c => c.Id == contractorId).Select(c => c.Name).SingleOrDefaultAsync()
            : null;
        DecidedBy = incident.DecidedById is { } decider
            ? await db.Users.AsNoTracking().Where(u => u.Id == decider).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : null;
        LedgerEntries = await db.LedgerEntries.AsNoTracking().Where(e => incident.LedgerEntryIds.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync();
        Actions = await db.IncidentActions.AsNoTracking().Where(a => a.IncidentId == incident.Id)
            .OrderBy(a => a.CorrectiveAction.DueOn)
            .Select(a => new ActionRow(a.CorrectiveAction.Action, a.CorrectiveAction.Owner.DisplayName, a.CorrectiveAction.DueOn, a.CorrectiveAction.Status))
            .ToListAsync();
        Owners = (await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId == incident.DepartmentId).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToList();
        Assessment = IncidentReportability.Assess(incident);
        Reportable = IncidentReportability.IsReportable(incident);
        Deadlines = IncidentDeadlines.Compute(incident.AwareAt, zone, incident.SuspectedMalice, options.Value);
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        CanEdit = access.CanEdit(User, incident.DepartmentId);
        CanDecide = IncidentAccess.CanDecide(User);
        Draft = IncidentReportDraft.Compose(l, incident, names.NameJa, Contractor, LedgerEntries,
            Actions.Select(a => (a.Action, a.DueOn)).ToList(), zone);
        if (fill)
        {
            Version = incident.Version;
            Decision = new DecisionInput { Reportable = Reportable, Reason = incident.DecisionReason };
            Reports = new ReportsInput
            {
                PreliminaryReportedOn = incident.PreliminaryReportedOn,
                FinalReportedOn = incident.FinalReportedOn,
                IndividualsNotifiedOn = incident.IndividualsNotifiedOn,
                IndividualsNotification = incident.IndividualsNotification,
            };
        }
    }
}
