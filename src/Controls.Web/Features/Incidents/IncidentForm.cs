using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>The checks of the incident create and edit pages (the ones every record form has are in <see cref="RecordForm"/>).</summary>
public static class IncidentForm
{
    /// <summary>
    /// The checks beyond the fields' attributes, all at once: a known kind; awareness not before
    /// discovery and neither in the future; ledger entries and a contractor this user may name; a
    /// department this user may record for that is active (or the incident's current one).
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IncidentAccess access, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, IncidentInput input,
        Guid? currentDepartment, DateTimeOffset now, TimeZoneInfo zone)
    {
        RecordForm.CheckKnown(state, "Input.Kind", input.Kind, l["Incidents.UnknownKind"]);

        if (input.DiscoveredAt is { } discovered && input.AwareAt is { } aware && aware < discovered)
        {
            state.AddModelError("Input.AwareAt", l["Incidents.AwareBeforeDiscovered"]);
        }

        var local = IncidentInput.Local(now, zone);
        if (input.AwareAt > local.AddMinutes(1))
        {
            state.AddModelError("Input.AwareAt", l["Incidents.InFuture"]);
        }

        if (input.DiscoveredAt > local.AddMinutes(1))
        {
            state.AddModelError("Input.DiscoveredAt", l["Incidents.InFuture"]);
        }

        await RecordForm.CheckChosenAsync(state, "Input.LedgerEntryIds", l["Incidents.UnknownLedgerEntry"],
            RecordForm.LinkableLedgerEntries(db, access.OwnDepartment(user)), input.LedgerEntryGuids);
        await RecordForm.CheckChosenAsync(state, "Input.ContractorId", l["Incidents.UnknownContractor"],
            RecordForm.NameableContractors(db, access.OwnDepartment(user)), input.ContractorId is { } contractorId ? [contractorId] : []);
        await RecordForm.CheckDepartmentAsync(db, l, state, "Input.DepartmentId", input.DepartmentId,
            department => access.CanEdit(user, department), "Incidents.OwnDepartmentOnly", currentDepartment);
    }
}
