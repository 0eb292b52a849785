using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// Register a contractor. Compliance officers and administrators for any department; a department
/// head for their own department only (any other owning department is refused). A new contractor is active.
/// </summary>
public class CreateModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordCreateModel<Contractor, ContractorInput>(db, l)
{
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    protected override bool CanCreate() => ContractorAccess.CanCreate(User);

    protected override void FillDefaults()
    {
        Input.OwningDepartmentId = ContractorAccess.OwnDepartment(User);
        Input.Countries = ["JP"];
    }

    protected override Task CheckAsync()
    {
        ModelState.Remove("Input.Status");
        Input.Status = ContractorStatus.Active;
        return ContractorForm.CheckAsync(Db, L, ModelState, User, Input, null);
    }

    protected override async Task ShowAsync()
    {
        Departments = await RecordForm.DepartmentChoices(Db, ContractorAccess.OwnDepartment(User), null);
        Countries = RecordForm.CountryChoices(Languages.Current);
    }

    protected override Contractor Create()
    {
        var contractor = new Contractor { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow() };
        Input.ApplyTo(contractor);
        return contractor;
    }

    protected override string CreatedMessage(Contractor contractor) => L["Contractors.Created", contractor.Name].Value;

    protected override IActionResult Saved(Contractor contractor) => RedirectToPage("Details", new { id = contractor.Id });
}
