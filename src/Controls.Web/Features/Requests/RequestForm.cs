using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>The checks of the request create and edit pages (the ones every record form has are in <see cref="RecordForm"/>).</summary>
public static class RequestForm
{
    /// <summary>
    /// The checks beyond the fields' attributes, all at once: known choices; received not in the
    /// future; due not before receipt, and beyond the response period only with a reason; a
    /// ledger entry this user may link; a department this user may record for that is active (or
    /// the request's current one).
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, ClaimsPrincipal user, RequestInput input,
        Guid? currentDepartment, int responseDays, DateOnly today)
    {
        // One message for the three choices, on the first of them.
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

        await RecordForm.CheckChosenAsync(state, "Input.LedgerEntryId", l["Incidents.UnknownLedgerEntry"],
            RecordForm.LinkableLedgerEntries(db, RequestAccess.OwnDepartment(user)), input.LedgerEntryId is { } entryId ? [entryId] : []);
        await RecordForm.CheckDepartmentAsync(db, l, state, "Input.DepartmentId", input.DepartmentId,
            department => RequestAccess.CanEdit(user, department), "Requests.OwnDepartmentOnly", currentDepartment);
    }

    /// <summary>A refusal of the entity's rules in words ("Requests.Problem.{problem}").</summary>
    public static string Problem(IStringLocalizer l, RequestError error, int responseDays = 0) =>
        l["Requests.Problem." + error.Problem, responseDays];
}
