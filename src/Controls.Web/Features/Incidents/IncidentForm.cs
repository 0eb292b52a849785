using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>Choices and checks shared by the incident create and edit pages.</summary>
public static class IncidentForm
{
    /// <summary>The departments this user may record incidents for: every active one (and the current one), or only their own.</summary>
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, IncidentAccess access, ClaimsPrincipal user, Guid? current) =>
        DepartmentTree.ChoicesAsync(db, current, access.OwnDepartment(user));

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

    /// <summary>The contractors this user may name: a department head their department's, others every one in the register.</summary>
    public static IQueryable<Domain.Contractor> NameableContractors(AppDbContext db, IncidentAccess access, ClaimsPrincipal user) =>
        access.OwnDepartment(user) is { } own ? db.Contractors.Where(c => c.OwningDepartmentId == own) : db.Contractors;

    public static async Task<List<SelectListItem>> ContractorChoices(AppDbContext db, IncidentAccess access, ClaimsPrincipal user) =>
        (await NameableContractors(db, access, user).AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
        .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();

    /// <summary>
    /// The checks beyond the fields' attributes, all at once: a known kind; awareness not before
    /// discovery and neither in the future; a department this user may record for that is active
    /// (or the incident's current one); a contractor from the register.
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IncidentAccess access, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, IncidentInput input,
        Guid? currentDepartment, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!Enum.IsDefined(input.Kind))
        {
            state.AddModelError("Input.Kind", l["Incidents.UnknownKind"]);
        }

        if (input.DiscoveredAt is { } discovered && input.AwareAt is { } aware)
        {
            if (aware < discovered)
            {
                state.AddModelError("Input.AwareAt", l["Incidents.AwareBeforeDiscovered"]);
            }
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

        var entries = input.LedgerEntryGuids;
        if (entries is null || (entries.Count > 0 && await LinkableLedgerEntries(db, access, user).CountAsync(e => entries.Contains(e.Id)) != entries.Count))
        {
            state.AddModelError("Input.LedgerEntryIds", l["Incidents.UnknownLedgerEntry"]);
        }

        if (input.ContractorId is { } contractorId && !await NameableContractors(db, access, user).AnyAsync(c => c.Id == contractorId))
        {
            state.AddModelError("Input.ContractorId", l["Incidents.UnknownContractor"]);
        }

        if (input.DepartmentId is not { } departmentId)
        {
            return;
        }

        if (!access.CanEdit(user, departmentId))
        {
            state.AddModelError("Input.DepartmentId", l["Incidents.OwnDepartmentOnly"]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId && (d.RetiredAt == null || d.Id == currentDepartment)))
        {
            state.AddModelError("Input.DepartmentId", l["Validation.UnknownDepartment"]);
        }
    }
}
