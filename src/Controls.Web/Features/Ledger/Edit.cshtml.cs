using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Change a ledger entry (another department's is a 404 to a department head); concurrent edits are detected by the row version.</summary>
public class EditModel(AppDbContext db, LedgerAccess access, IStringLocalizer<SharedResource> l)
    : RecordEditModel<LedgerEntry, LedgerInput>(db, l)
{
    public string CurrentName { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Contractors { get; private set; } = [];

    protected override Task<IQueryable<LedgerEntry>> VisibleAsync() => access.VisibleAsync(User);

    protected override bool CanEdit(LedgerEntry entry) => LedgerAccess.CanEdit(User, entry.DepartmentId);

    protected override LedgerInput ToInput(LedgerEntry entry) => LedgerInput.From(entry);

    protected override Task CheckAsync(LedgerEntry entry) =>
        LedgerForm.CheckAsync(Db, L, ModelState, User, Input, entry.DepartmentId);

    protected override void Apply(LedgerEntry entry) => Input.ApplyTo(entry);

    protected override IActionResult Saved(Guid id) => RedirectToPage("Index");

    protected override async Task ShowAsync(LedgerEntry entry)
    {
        CurrentName = entry.Name;
        var own = LedgerAccess.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, entry.DepartmentId);
        Countries = RecordForm.CountryChoices(Languages.Current);
        Contractors = await RecordForm.ContractorChoices(Db, own);
    }
}
