using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>Change the facts of an incident (another department's is a 404 to a department head); concurrent edits are detected by the row version.</summary>
public class EditModel(AppDbContext db, IncidentAccess access, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordEditModel<Incident, IncidentInput>(db, l)
{
    public string CurrentTitle { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];

    protected override Task<IQueryable<Incident>> VisibleAsync() => access.VisibleAsync(User);

    protected override IncidentInput ToInput(Incident incident) => IncidentInput.From(incident, clock.Zone);

    protected override Task CheckAsync(Incident incident) =>
        IncidentForm.CheckAsync(Db, access, L, ModelState, User, Input, incident.DepartmentId, time.GetUtcNow(), clock.Zone);

    protected override void Apply(Incident incident) => Input.ApplyTo(incident, clock.Zone);

    protected override IActionResult Saved(Guid id) => RedirectToPage("Details", new { id });

    protected override async Task ShowAsync(Incident incident)
    {
        CurrentTitle = incident.Title;
        var own = access.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, incident.DepartmentId);
        Contractors = await RecordForm.ContractorChoices(Db, own);
        LedgerEntries = await RecordForm.LedgerChoices(Db, own);
    }
}
