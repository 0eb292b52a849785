using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// Change a contractor, including its status: a contractor leaves the register by being
/// terminated, never deleted (its inspections keep referring to it). Concurrent edits are
/// detected by the row version. Another department's contractor is a 404 to a department head.
/// </summary>
public class EditModel(AppDbContext db, ContractorAccess access, IStringLocalizer<SharedResource> l)
    : RecordEditModel<Contractor, ContractorInput>(db, l)
{
    public string CurrentName { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    protected override Task<IQueryable<Contractor>> VisibleAsync() => access.VisibleAsync(User);

    protected override bool CanEdit(Contractor contractor) => ContractorAccess.CanEdit(User, contractor.OwningDepartmentId);

    protected override ContractorInput ToInput(Contractor contractor) => ContractorInput.From(contractor);

    protected override Task CheckAsync(Contractor contractor) =>
        ContractorForm.CheckAsync(Db, L, ModelState, User, Input, contractor.OwningDepartmentId);

    protected override void Apply(Contractor contractor) => Input.ApplyTo(contractor);

    protected override IActionResult Saved(Guid id) => RedirectToPage("Details", new { id });

    protected override async Task ShowAsync(Contractor contractor)
    {
        CurrentName = contractor.Name;
        Departments = await RecordForm.DepartmentChoices(Db, ContractorAccess.OwnDepartment(User), contractor.OwningDepartmentId);
        Countries = RecordForm.CountryChoices(Languages.Current);
    }
}
