using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Contractors;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Choices and database checks shared by the ledger create and edit pages.</summary>
public static class LedgerForm
{
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, ClaimsPrincipal user, Guid? current) =>
        DepartmentTree.ChoicesAsync(db, current, LedgerAccess.OwnDepartment(user));

    /// <summary>The contractors this user may name on an entry: a department head their department's, others every one (the choices and the check of posted ids).</summary>
    public static IQueryable<Domain.Contractor> NameableContractors(AppDbContext db, ClaimsPrincipal user) =>
        LedgerAccess.OwnDepartment(user) is { } own ? db.Contractors.Where(c => c.OwningDepartmentId == own) : db.Contractors;

    public static async Task<List<SelectListItem>> ContractorChoices(AppDbContext db, ClaimsPrincipal user) =>
        (await NameableContractors(db, user).AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
        .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();

    /// <summary>Countries from the list (at least one), known enum values, contractors from the register, a department this user may use.</summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, LedgerInput input, Guid? currentDepartment)
    {
        if (input.CountryCodes.Count == 0)
        {
            state.AddModelError("Input.Countries", l["Contractors.CountriesRequired"]);
        }

        foreach (var unknown in input.CountryCodes.Where(c => !Countries.IsKnown(c)))
        {
            state.AddModelError("Input.Countries", l["Contractors.UnknownCountry", unknown]);
        }

        if (!Enum.IsDefined(input.Medium))
        {
            state.AddModelError("Input.Medium", l["Ledger.UnknownChoice"]);
        }

        if (!Enum.IsDefined(input.People))
        {
            state.AddModelError("Input.People", l["Ledger.UnknownChoice"]);
        }

        var contractors = input.ContractorGuids;
        if (contractors is null || (contractors.Count > 0 && await NameableContractors(db, user).CountAsync(c => contractors.Contains(c.Id)) != contractors.Count))
        {
            state.AddModelError("Input.ContractorIds", l["Incidents.UnknownContractor"]);
        }

        if (input.DepartmentId is not { } departmentId)
        {
            return;
        }

        if (!LedgerAccess.CanEdit(user, departmentId))
        {
            state.AddModelError("Input.DepartmentId", l["Ledger.OwnDepartmentOnly"]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId && (d.RetiredAt == null || d.Id == currentDepartment)))
        {
            state.AddModelError("Input.DepartmentId", l["Validation.UnknownDepartment"]);
        }
    }
}
