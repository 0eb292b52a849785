using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// Who may see and change which contractor. Compliance officers, auditors, management and
/// administrators see all; a department head (and the delegates they named) sees only the
/// contractors their department owns, the others answering 404. Compliance officers and
/// administrators change any; a department head changes their own department's only.
/// </summary>
public sealed class ContractorAccess(AppDbContext db, DepartmentScope scope)
{
    public async Task<IQueryable<Contractor>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await scope.VisibleAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.Contractors;
        }

        var ids = departments.Ids;
        return db.Contractors.Where(c => ids.Contains(c.OwningDepartmentId));
    }

    /// <summary>Changes contractors of every department.</summary>
    public static bool EditsAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ComplianceOfficer) || user.IsInRole(Roles.Administrator);

    /// <summary>The only department whose contractors this user may change, when they are limited to one (a department head).</summary>
    public static Guid? OwnDepartment(ClaimsPrincipal user) =>
        !EditsAll(user) && user.IsInRole(Roles.DepartmentHead) ? DepartmentScope.DepartmentOf(user) : null;

    public static bool CanCreate(ClaimsPrincipal user) => EditsAll(user) || OwnDepartment(user) is not null;

    /// <summary>May register or change a contractor owned by this department.</summary>
    public static bool CanEdit(ClaimsPrincipal user, Guid owningDepartmentId) =>
        EditsAll(user) || (OwnDepartment(user) is { } own && own == owningDepartmentId);
}
