using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>Record an incident (a department head for their own department only); discovery and awareness default to now.</summary>
public class CreateModel(AppDbContext db, IncidentAccess access, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordCreateModel<Incident, IncidentInput>(db, l)
{
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];

    protected override bool CanCreate() => access.CanCreate(User);

    protected override void FillDefaults()
    {
        Input.DepartmentId = access.OwnDepartment(User);
        var now = IncidentInput.Local(time.GetUtcNow(), clock.Zone);
        Input.DiscoveredAt = now;
        Input.AwareAt = now;
    }

    protected override Task CheckAsync() =>
        IncidentForm.CheckAsync(Db, access, L, ModelState, User, Input, null, time.GetUtcNow(), clock.Zone);

    protected override async Task ShowAsync()
    {
        var own = access.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, null);
        Contractors = await RecordForm.ContractorChoices(Db, own);
        LedgerEntries = await RecordForm.LedgerChoices(Db, own);
    }

    protected override Incident Create()
    {
        var incident = new Incident { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow(), CreatedById = DepartmentScope.UserId(User)!.Value };
        Input.ApplyTo(incident, clock.Zone);
        return incident;
    }

    protected override string CreatedMessage(Incident incident) => L["Incidents.Created", incident.Title].Value;

    protected override IActionResult Saved(Incident incident) => RedirectToPage("Details", new { id = incident.Id });
}
