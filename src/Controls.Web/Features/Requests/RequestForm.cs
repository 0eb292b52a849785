using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Admin.Departments;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>Choices and checks shared by the request create and edit pages.</summary>
public static class RequestForm
{
    /// <summary>The departments this user may record requests for: every active one (and the current one), or only their own.</summary>
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, ClaimsPrincipal user, Guid? current) =>
        DepartmentTree.ChoicesAsync(db, current, RequestAccess.OwnDepartment(user));

    /// <summary>The ledger's data sets this user may link: a department head their department's, a compliance officer every one.</summary>
    public static IQueryable<LedgerEntry> LinkableLedgerEntries(AppDbContext db, ClaimsPrincipal user) =>
        RequestAccess.OwnDepartment(user) is { } own ? db.LedgerEntries.Where(e => e.DepartmentId == own) : db.LedgerEntries;

    /// <summary>The ledger choices, those holding retained personal data (保有個人データ) first.</summary>
    public static async Task<List<SelectListItem>> LedgerChoices(AppDbContext db, ClaimsPrincipal user) =>
        (await LinkableLedgerEntries(db, user).AsNoTracking()
            .OrderBy(e => e.Department.Code).ThenBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Department.Code }).ToListAsync())
        .Select(e => new SelectListItem($"{e.Code} {e.Name}", e.Id.ToString())).ToList();

    /// <summary>
    /// The checks beyond the fields' attributes, all at once: known choices; received not in the
    /// future; due not before receipt, and beyond the response period only with a reason; a
    /// department this user may record for that is active (or the request's current one); a ledger
    /// entry this user may link.
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, RequestInput input,
        Guid? currentDepartment, int responseDays, DateOnly today)
    {
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Channel) || !Enum.IsDefined(input.RequesterKind))
        {
            state.AddModelError("Input.Kind", l["Requests.UnknownChoice"]);
        }

        if (input.ReceivedOn is { } received)
        {
            // A receipt in the future is refused before any date is computed from it (9999-12-31 + 14 days does not exist).
            var due = received > today ? received : input.DueOrDefault(responseDays);
            foreach (var error in DataSubjectRequest.CheckDates(received, due, input.ExtensionReason ?? "", responseDays, today))
            {
                state.AddModelError("Input." + error.Field, Problem(l, error, responseDays));
            }
        }

        if (input.LedgerEntryId is { } entryId && !await LinkableLedgerEntries(db, user).AnyAsync(e => e.Id == entryId))
        {
            state.AddModelError("Input.LedgerEntryId", l["Incidents.UnknownLedgerEntry"]);
        }

        if (input.DepartmentId is not { } departmentId)
        {
            return;
        }

        if (!RequestAccess.CanEdit(user, departmentId))
        {
            state.AddModelError("Input.DepartmentId", l["Requests.OwnDepartmentOnly"]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId && (d.RetiredAt == null || d.Id == currentDepartment)))
        {
            state.AddModelError("Input.DepartmentId", l["Validation.UnknownDepartment"]);
        }
    }

    /// <summary>A refusal of the entity's rules in words ("Requests.Problem.{problem}").</summary>
    public static string Problem(IStringLocalizer l, RequestError error, int responseDays = 0) =>
        l["Requests.Problem." + error.Problem, responseDays];
}
