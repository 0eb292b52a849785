using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;

namespace Controls.Web.Features.Requests;

/// <summary>
/// Who may see and record which data-subject request (開示等の請求等). Compliance officers, auditors and
/// management see every department's; a department head sees their own department's and those of the
/// departments below it (DepartmentScope; read-only); anyone else none (PageAccess keeps them out).
/// Compliance officers record and handle every request; a department head their own department's only.
/// Records outside the scope answer 404.
/// </summary>
public sealed class RequestAccess(AppDbContext db, DepartmentScope scope)
{
    private static readonly string[] SeeingAll = [Roles.ComplianceOfficer, Roles.Auditor, Roles.Management];

    /// <summary>The roles that read the register (PageAccess.RequestReaders): links to it are shown only to those.</summary>
    public static readonly string[] Readers = PageAccess.RequestReaderRoles;

    /// <summary>The roles that record requests (PageAccess.RequestRecorders).</summary>
    public static readonly string[] Recorders = PageAccess.RequestRecorderRoles;

    public static bool Reads(ClaimsPrincipal user) => Readers.Any(user.IsInRole);

    public static bool SeesAll(ClaimsPrincipal user) => SeeingAll.Any(user.IsInRole);

    public static bool RecordsAll(ClaimsPrincipal user) => user.IsInRole(Roles.ComplianceOfficer);

    /// <summary>The department whose requests this head records (null for compliance officers, who record any, and for read-only readers).</summary>
    public static Guid? OwnDepartment(ClaimsPrincipal user) =>
        !RecordsAll(user) && user.IsInRole(Roles.DepartmentHead) ? DepartmentScope.DepartmentOf(user) : null;

    public static bool CanCreate(ClaimsPrincipal user) => RecordsAll(user) || OwnDepartment(user) is not null;

    public static bool CanEdit(ClaimsPrincipal user, Guid departmentId) =>
        RecordsAll(user) || (OwnDepartment(user) is { } own && own == departmentId);

    /// <summary>The departments whose requests this user sees.</summary>
    public async Task<DepartmentScope.Departments> DepartmentsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SeesAll(user) ? DepartmentScope.Departments.Every
        : user.IsInRole(Roles.DepartmentHead) ? await scope.HeadedAsync(user, cancellationToken)
        : DepartmentScope.Departments.None;

    public async Task<IQueryable<DataSubjectRequest>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await DepartmentsAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.DataSubjectRequests;
        }

        var ids = departments.Ids;
        return db.DataSubjectRequests.Where(r => ids.Contains(r.DepartmentId));
    }
}
