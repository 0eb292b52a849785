using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// Who may see and change which ledger entry. Compliance officers, auditors, management and
/// administrators see every department's; a department head (and their delegates) only their own
/// department's (others answer 404). Compliance officers and administrators change any entry; a
/// department head their own department's. The same holds for an entry's risk assessment;
/// its residual risks are accepted by compliance officers.
/// </summary>
public sealed class LedgerAccess(AppDbContext db, DepartmentScope scope)
{
    public async Task<IQueryable<LedgerEntry>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await scope.VisibleAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.LedgerEntries;
        }

        var ids = departments.Ids;
        return db.LedgerEntries.Where(e => ids.Contains(e.DepartmentId));
    }

    public static bool EditsAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ComplianceOfficer) || user.IsInRole(Roles.Administrator);

    public static Guid? OwnDepartment(ClaimsPrincipal user) =>
        !EditsAll(user) && user.IsInRole(Roles.DepartmentHead) ? DepartmentScope.DepartmentOf(user) : null;

    public static bool CanCreate(ClaimsPrincipal user) => EditsAll(user) || OwnDepartment(user) is not null;

    public static bool CanEdit(ClaimsPrincipal user, Guid departmentId) =>
        EditsAll(user) || (OwnDepartment(user) is { } own && own == departmentId);

    /// <summary>How an assessor or an acceptor is recorded on a risk assessment: their display name, else the actor's name (e-mail).</summary>
    public static string ShownName(ClaimsPrincipal user, Infrastructure.CurrentActor actor) =>
        user.FindFirstValue(Infrastructure.Authorization.ControlsClaims.DisplayName) is { Length: > 0 } name ? name : actor.Name;

    /// <summary>Residual risks are accepted by the compliance officer (個人情報保護管理者) only; the page is declared for them in PageAccess.</summary>
    public static bool CanAcceptRisk(ClaimsPrincipal user) => user.IsInRole(Roles.ComplianceOfficer);
}
