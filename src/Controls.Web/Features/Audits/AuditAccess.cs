using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Who sees which audit and finding. Auditors, compliance officers, management and administrators
/// see all; a department head sees the audits whose scope includes their department (or a
/// contractor it owns) and only their department's findings — others answer 404. Auditors and
/// compliance officers plan and run audits; only auditors verify corrective actions.
/// </summary>
public sealed class AuditAccess(AppDbContext db, DepartmentScope scope)
{
    public static bool Manages(ClaimsPrincipal user) => user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.ComplianceOfficer);

    public static bool SeesAll(ClaimsPrincipal user) => DepartmentScope.SeesAllDepartments(user);

    /// <summary>The departments whose audits and findings a department head sees: theirs and those below it (<see cref="DepartmentScope.HeadedAsync"/>).</summary>
    public async Task<DepartmentScope.Departments> AuditeeDepartmentsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SeesAll(user) ? DepartmentScope.Departments.Every : await scope.HeadedAsync(user, cancellationToken);

    public async Task<IQueryable<Audit>> AuditsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await AuditeeDepartmentsAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.Audits;
        }

        if (departments.IsEmpty)
        {
            return db.Audits.Where(_ => false);
        }

        var ids = departments.Ids;
        return db.Audits.Where(a => a.DepartmentIds.Any(d => ids.Contains(d))
            || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && ids.Contains(c.OwningDepartmentId)));
    }

    public async Task<IQueryable<Finding>> FindingsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var departments = await AuditeeDepartmentsAsync(user, cancellationToken);
        if (departments.All)
        {
            return db.Findings;
        }

        var ids = departments.Ids;
        return departments.IsEmpty ? db.Findings.Where(_ => false) : db.Findings.Where(f => ids.Contains(f.DepartmentId));
    }

    /// <summary>
    /// An auditor of the finding's audit team, neither the action's owner nor of the finding's department,
    /// verifies its effectiveness once it is implemented (<see cref="SeparationOfDuties"/>; the audit's team must be loaded).
    /// </summary>
    public static bool CanVerify(ClaimsPrincipal user, Finding finding, CorrectiveAction action) =>
        action.Status == CorrectiveActionStatus.Implemented && SeparationOfDuties.DoesFieldwork(user, finding.Audit)
        && SeparationOfDuties.RefusesVerification(user, finding, action) is null;
}
