using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Who may see and act on which inspection. Who sees which department is <see cref="DepartmentScope"/>'s
/// (every department for compliance officers, auditors, management and administrators; a department
/// head's own and those below it; a delegate's department); others' records answer 404, never 403.
/// Only the department's own head and the delegates they named answer; only its head signs off; only
/// compliance officers review. A division head reads the departments below and answers none of them.
/// </summary>
public sealed class InspectionAccess(AppDbContext db, DepartmentScope scope)
{
    /// <summary>The department whose inspections this user answers: their own, as its head or a named delegate.</summary>
    public Task<Guid?> AnsweringDepartmentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        scope.Answering(user, cancellationToken);

    /// <summary>The departments whose inspections this user sees.</summary>
    public Task<DepartmentScope.Departments> DepartmentsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        scope.VisibleAsync(user, cancellationToken);

    /// <summary>The inspections this user may see.</summary>
    public async Task<IQueryable<Inspection>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await scope.VisibleAsync(user, cancellationToken);
        return departments.All ? db.Inspections
            : departments.IsEmpty ? db.Inspections.Where(_ => false)
            : db.Inspections.Where(i => departments.Ids.Contains(i.DepartmentId));
    }

    /// <summary>May see this inspection (otherwise it is "not found" for this user).</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        (await scope.VisibleAsync(user, cancellationToken)).Includes(inspection.DepartmentId);

    /// <summary>Answers for this inspection's department (as its head or a named delegate), whatever the inspection's state.</summary>
    public async Task<bool> AnswersForAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        await AnsweringDepartmentAsync(user, cancellationToken) == inspection.DepartmentId;

    /// <summary>May answer (and attach evidence to) this inspection now.</summary>
    public async Task<bool> CanAnswerAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        inspection.IsOpen && await AnsweringDepartmentAsync(user, cancellationToken) == inspection.DepartmentId;

    /// <summary>Only the department's head signs off (delegates answer but cannot submit).</summary>
    public static bool CanSignOff(ClaimsPrincipal user, Inspection inspection) =>
        inspection.IsOpen && user.IsInRole(Roles.DepartmentHead) && DepartmentScope.DepartmentOf(user) == inspection.DepartmentId;
}
