using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Actions;

/// <summary>
/// Moves a corrective or improvement action forward (Open → Planned → Implemented): by its owner
/// or the head of its department. Verification (有効性の確認) by someone else comes with the audits.
/// </summary>
public sealed class UpdateActionStatus(AppDbContext db, InspectionAccess access, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    /// <summary>The actions this user may see: those of the departments they see (<see cref="Infrastructure.Authorization.DepartmentScope"/>) and their own.</summary>
    public async Task<IQueryable<CorrectiveAction>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await access.DepartmentsAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.CorrectiveActions;
        }

        var me = DepartmentScope.UserId(user);
        var ids = departments.Ids;
        return db.CorrectiveActions.Where(a => ids.Contains(a.DepartmentId) || a.OwnerId == me);
    }

    /// <summary>The owner or the head of the action's department.</summary>
    public static bool MayUpdate(ClaimsPrincipal user, Guid ownerId, Guid departmentId) =>
        DepartmentScope.UserId(user) == ownerId
        || (user.IsInRole(Roles.DepartmentHead) && DepartmentScope.DepartmentOf(user) == departmentId);

    public async Task<Result> UpdateAsync(ClaimsPrincipal user, Guid actionId, string? status, uint version, CancellationToken cancellationToken = default)
    {
        var action = await (await VisibleAsync(user, cancellationToken)).SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return new Result(InspectionChange.NotFound, []);
        }

        if (!MayUpdate(user, action.OwnerId, action.DepartmentId))
        {
            return new Result(InspectionChange.Forbidden, []);
        }

        var next = Enum.GetValues<CorrectiveActionStatus>().Cast<CorrectiveActionStatus?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), status, StringComparison.Ordinal));
        if (next is null)
        {
            return new Result(InspectionChange.Invalid, [l["Actions.StepNotAllowed"]]);
        }

        if (action.MoveTo(next.Value, time.GetUtcNow()) is { } refusal)
        {
            return new Result(InspectionChange.Invalid, [l[refusal]]);
        }

        db.Entry(action).Property(a => a.Version).OriginalValue = version;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Result(InspectionChange.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(InspectionChange.Conflict, [l["Common.ConcurrencyConflict"]]);
        }
    }
}
