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
public sealed class AuditAccess(AppDbContext db)
{
    public static bool Manages(ClaimsPrincipal user) => user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.ComplianceOfficer);

    public static bool SeesAll(ClaimsPrincipal user) => InspectionAccess.SeesAllDepartments(user);

    /// <summary>The department whose audits and findings a department head sees.</summary>
    public static Guid? AuditeeDepartment(ClaimsPrincipal user) =>
        user.IsInRole(Roles.DepartmentHead) ? InspectionAccess.DepartmentOf(user) : null;

    public IQueryable<Audit> Audits(ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Audits;
        }

        if (AuditeeDepartment(user) is not { } department)
        {
            return db.Audits.Where(_ => false);
        }

        return db.Audits.Where(a => a.DepartmentIds.Contains(department)
            || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && c.OwningDepartmentId == department));
    }

    public IQueryable<Finding> Findings(ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Findings;
        }

        return AuditeeDepartment(user) is { } department ? db.Findings.Where(f => f.DepartmentId == department) : db.Findings.Where(_ => false);
    }

    /// <summary>
    /// An auditor of the finding's audit team, neither the action's owner nor of the finding's department,
    /// verifies its effectiveness once it is implemented (<see cref="SeparationOfDuties"/>; the audit's team must be loaded).
    /// </summary>
    public static bool CanVerify(ClaimsPrincipal user, Finding finding, CorrectiveAction action) =>
        action.Status == CorrectiveActionStatus.Implemented && SeparationOfDuties.DoesFieldwork(user, finding.Audit)
        && SeparationOfDuties.RefusesVerification(user, finding, action) is null;
}
