using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Who may see and act on which inspection. Compliance officers, auditors, management and
/// administrators see every department's; a department head and the delegates they named see
/// only their own department's (others' records answer 404, never 403: their existence is not
/// revealed). Only the department head signs off; only compliance officers review.
/// </summary>
public sealed class InspectionAccess(AppDbContext db)
{
    public static bool SeesAllDepartments(ClaimsPrincipal user) =>
        Roles.SeeingEveryDepartment.Any(user.IsInRole);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? DepartmentOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ControlsClaims.DepartmentId), out var id) ? id : null;

    /// <summary>The department whose inspections this user answers: their own, as its head or a named delegate.</summary>
    public async Task<Guid?> AnsweringDepartmentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (DepartmentOf(user) is not { } department || UserId(user) is not { } userId)
        {
            return null;
        }

        if (user.IsInRole(Roles.DepartmentHead))
        {
            return department;
        }

        return await db.DepartmentDelegates.AnyAsync(d => d.DepartmentId == department && d.UserId == userId, cancellationToken) ? department : null;
    }

    /// <summary>The inspections this user may see.</summary>
    public async Task<IQueryable<Inspection>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (SeesAllDepartments(user))
        {
            return db.Inspections;
        }

        var department = await AnsweringDepartmentAsync(user, cancellationToken);
        return department is { } id ? db.Inspections.Where(i => i.DepartmentId == id) : db.Inspections.Where(_ => false);
    }

    /// <summary>May see this inspection (otherwise it is "not found" for this user).</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        SeesAllDepartments(user) || await AnsweringDepartmentAsync(user, cancellationToken) == inspection.DepartmentId;

    /// <summary>Answers for this inspection's department (as its head or a named delegate), whatever the inspection's state.</summary>
    public async Task<bool> AnswersForAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        await AnsweringDepartmentAsync(user, cancellationToken) == inspection.DepartmentId;

    /// <summary>May answer (and attach evidence to) this inspection now.</summary>
    public async Task<bool> CanAnswerAsync(ClaimsPrincipal user, Inspection inspection, CancellationToken cancellationToken = default) =>
        inspection.IsOpen && await AnsweringDepartmentAsync(user, cancellationToken) == inspection.DepartmentId;

    /// <summary>Only the department's head signs off (delegates answer but cannot submit).</summary>
    public static bool CanSignOff(ClaimsPrincipal user, Inspection inspection) =>
        inspection.IsOpen && user.IsInRole(Roles.DepartmentHead) && DepartmentOf(user) == inspection.DepartmentId;

    public static bool CanReview(ClaimsPrincipal user, Inspection inspection) =>
        inspection.Status == InspectionStatus.Submitted && SeparationOfDuties.RefusesReview(user, inspection.DepartmentId) is null;
}
