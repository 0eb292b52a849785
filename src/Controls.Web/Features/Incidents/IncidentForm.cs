using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>The ledger choices and the checks of the incident create and edit pages (the ones every record form has are in <see cref="RecordForm"/>).</summary>
public static class IncidentForm
{
    /// <summary>The ledger's data sets this user may pick: a department head their department's, others every one.</summary>
    public static async Task<List<SelectListItem>> LedgerChoices(AppDbContext db, IncidentAccess access, ClaimsPrincipal user)
    {
        return (await LinkableLedgerEntries(db, access, user).AsNoTracking()
                .OrderBy(e => e.Department.Code).ThenBy(e => e.Name).Select(e => new { e.Id, e.Name, e.Department.Code }).ToListAsync())
            .Select(e => new SelectListItem($"{e.Code} {e.Name}", e.Id.ToString())).ToList();
    }

    /// <summary>The ledger's data sets this user may link: a department head their department's, others every one (the choices and the check of posted ids).</summary>
    public static IQueryable<Domain.LedgerEntry> LinkableLedgerEntries(AppDbContext db, IncidentAccess access, ClaimsPrincipal user) =>
        access.OwnDepartment(user) is { } own ? db.LedgerEntries.Where(e => e.DepartmentId == own) : db.LedgerEntries;

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
            LinkableLedgerEntries(db, access, user), input.LedgerEntryGuids);
        await RecordForm.CheckChosenAsync(state, "Input.ContractorId", l["Incidents.UnknownContractor"],
            RecordForm.NameableContractors(db, access.OwnDepartment(user)), input.ContractorId is { } contractorId ? [contractorId] : []);
        await RecordForm.CheckDepartmentAsync(db, l, state, "Input.DepartmentId", input.DepartmentId,
            department => access.CanEdit(user, department), "Incidents.OwnDepartmentOnly", currentDepartment);
    }
}
