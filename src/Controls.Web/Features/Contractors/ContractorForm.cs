using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Contractors;

/// <summary>The checks of the contractor create and edit pages (the ones every record form has are in <see cref="RecordForm"/>).</summary>
public static class ContractorForm
{
    /// <summary>
    /// The checks beyond the fields' own attributes, run on every post so that all problems show at
    /// once: countries from the list (at least one), the contract's end not before its start,
    /// subcontractors named when re-outsourcing is allowed, a known status, and an owning department
    /// this user may give contractors to that is active (a contractor whose department was retired
    /// since may keep it).
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, ContractorInput input, Guid? currentOwner)
    {
        RecordForm.CheckCountries(state, l, input.CountryCodes);

        if (input.ContractStartsOn is { } start && input.ContractEndsOn is { } end && end < start)
        {
            state.AddModelError("Input.ContractEndsOn", l["Contractors.EndBeforeStart"]);
        }

        if (input.ReoutsourcingAllowed && string.IsNullOrWhiteSpace(input.Subcontractors))
        {
            state.AddModelError("Input.Subcontractors", l["Contractors.SubcontractorsRequired"]);
        }

        RecordForm.CheckKnown(state, "Input.Status", input.Status, l["Contractors.UnknownStatus"]);
        await RecordForm.CheckDepartmentAsync(db, l, state, "Input.OwningDepartmentId", input.OwningDepartmentId,
            department => ContractorAccess.CanEdit(user, department), "Contractors.OwnDepartmentOnly", currentOwner);
    }
}
