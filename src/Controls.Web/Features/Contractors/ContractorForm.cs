using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>Choices and database checks shared by the contractor create and edit pages.</summary>
public static class ContractorForm
{
    /// <summary>The departments this user may make owner: every active one (and the current owner), or only their own.</summary>
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, ClaimsPrincipal user, Guid? current) =>
        DepartmentTree.ChoicesAsync(db, current, ContractorAccess.OwnDepartment(user));

    public static List<SelectListItem> CountryChoices(string language) =>
        Countries.All.Select(c => new SelectListItem($"{c.Name(language)} ({c.Code})", c.Code)).ToList();

    /// <summary>
    /// The checks beyond the fields' own attributes, run on every post so that all problems show at
    /// once: countries from the list (at least one), the contract's end not before its start,
    /// subcontractors named when re-outsourcing is allowed, and an owning department this user may
    /// give contractors to that is active (a contractor whose department was retired since may keep it).
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, ContractorInput input, Guid? currentOwner)
    {
        var codes = input.CountryCodes;
        if (codes.Count == 0)
        {
            state.AddModelError("Input.Countries", l["Contractors.CountriesRequired"]);
        }

        foreach (var unknown in codes.Where(c => !Countries.IsKnown(c)))
        {
            state.AddModelError("Input.Countries", l["Contractors.UnknownCountry", unknown]);
        }

        if (input.ContractStartsOn is { } start && input.ContractEndsOn is { } end && end < start)
        {
            state.AddModelError("Input.ContractEndsOn", l["Contractors.EndBeforeStart"]);
        }

        if (input.ReoutsourcingAllowed && string.IsNullOrWhiteSpace(input.Subcontractors))
        {
            state.AddModelError("Input.Subcontractors", l["Contractors.SubcontractorsRequired"]);
        }

        if (!Enum.IsDefined(input.Status))
        {
            state.AddModelError("Input.Status", l["Contractors.UnknownStatus"]);
        }

        if (input.OwningDepartmentId is not { } departmentId)
        {
            return;
        }

        if (!ContractorAccess.CanEdit(user, departmentId))
        {
            state.AddModelError("Input.OwningDepartmentId", l["Contractors.OwnDepartmentOnly"]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId && (d.RetiredAt == null || d.Id == currentOwner)))
        {
            state.AddModelError("Input.OwningDepartmentId", l["Validation.UnknownDepartment"]);
        }
    }
}
