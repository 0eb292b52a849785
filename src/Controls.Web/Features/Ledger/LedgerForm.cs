using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>The checks of the ledger create and edit pages (the ones every record form has are in <see cref="RecordForm"/>).</summary>
public static class LedgerForm
{
    /// <summary>Countries from the list (at least one), known choices, contractors this user may name from the register, a department this user may use.</summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, LedgerInput input, Guid? currentDepartment)
    {
        RecordForm.CheckCountries(state, l, input.CountryCodes);
        RecordForm.CheckKnown(state, "Input.Medium", input.Medium, l["Ledger.UnknownChoice"]);
        RecordForm.CheckKnown(state, "Input.People", input.People, l["Ledger.UnknownChoice"]);
        await RecordForm.CheckChosenAsync(state, "Input.ContractorIds", l["Incidents.UnknownContractor"],
            RecordForm.NameableContractors(db, LedgerAccess.OwnDepartment(user)), input.ContractorGuids);
        await RecordForm.CheckDepartmentAsync(db, l, state, "Input.DepartmentId", input.DepartmentId,
            department => LedgerAccess.CanEdit(user, department), "Ledger.OwnDepartmentOnly", currentDepartment);
    }
}
