using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Add a data set to the ledger (a department head for their own department).</summary>
public class CreateModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordCreateModel<LedgerEntry, LedgerInput>(db, l)
{
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];

    protected override bool CanCreate() => LedgerAccess.CanCreate(User);

    protected override void FillDefaults()
    {
        Input.DepartmentId = LedgerAccess.OwnDepartment(User);
        Input.Countries = ["JP"];
    }

    protected override Task CheckAsync() => LedgerForm.CheckAsync(Db, L, ModelState, User, Input, null);

    protected override async Task ShowAsync()
    {
        var own = LedgerAccess.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, null);
        Countries = RecordForm.CountryChoices(Languages.Current);
        Contractors = await RecordForm.ContractorChoices(Db, own);
    }

    protected override LedgerEntry Create()
    {
        var entry = new LedgerEntry { Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow() };
        Input.ApplyTo(entry);
        return entry;
    }

    protected override string CreatedMessage(LedgerEntry entry) => L["Ledger.Created", entry.Name].Value;

    protected override IActionResult Saved(LedgerEntry entry) => RedirectToPage("Index");
}
