using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The independence rule (監査の独立性): an auditor never audits their own department, nor a
/// contractor their department owns — as lead or as team member. One rule for every path:
/// creating or editing an audit (lead and team), and moving a user to another department while
/// they are on an audit that is not yet closed or cancelled. A refusal says who, what and why.
/// </summary>
public sealed class AuditorIndependence(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>The rule itself: true when an auditor of <paramref name="auditorDepartmentId"/> may audit this scope.</summary>
    public static bool IsIndependent(Guid? auditorDepartmentId, IEnumerable<Guid> departmentIds, IEnumerable<Guid> contractorOwningDepartmentIds) =>
        auditorDepartmentId is not { } department
        || (!departmentIds.Contains(department) && !contractorOwningDepartmentIds.Contains(department));

    /// <summary>Null when every auditor is independent of the scope; otherwise the reason for the first who is not.</summary>
    public async Task<string?> CheckAssignmentAsync(IEnumerable<Guid> auditorIds, IReadOnlyCollection<Guid> departmentIds, IReadOnlyCollection<Guid> contractorIds,
        CancellationToken cancellationToken = default)
    {
        var ids = auditorIds.Distinct().ToList();
        var auditors = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken);
        var contractors = await db.Contractors.AsNoTracking().Where(c => contractorIds.Contains(c.Id))
            .Select(c => new { c.Name, c.OwningDepartmentId }).ToListAsync(cancellationToken);
        foreach (var auditor in auditors)
        {
            if (IsIndependent(auditor.DepartmentId, departmentIds, contractors.Select(c => c.OwningDepartmentId)))
            {
                continue;
            }

            var department = await DepartmentNameAsync(auditor.DepartmentId!.Value, cancellationToken);
            if (departmentIds.Contains(auditor.DepartmentId!.Value))
            {
                return l["Audits.Independence.OwnDepartment", auditor.DisplayName, department];
            }

            var contractor = contractors.First(c => c.OwningDepartmentId == auditor.DepartmentId);
            return l["Audits.Independence.OwnContractor", auditor.DisplayName, contractor.Name, department];
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="userId"/> may move to <paramref name="newDepartmentId"/>; otherwise why not,
    /// naming the audit (not yet closed or cancelled) on which they would audit their new department.
    /// </summary>
    public async Task<string?> CheckDepartmentChangeAsync(Guid userId, Guid? newDepartmentId, CancellationToken cancellationToken = default)
    {
        if (newDepartmentId is not { } department)
        {
            return null;
        }

        var audits = await db.Audits.AsNoTracking()
            .Where(a => a.Status != Domain.AuditStatus.Closed && a.Status != Domain.AuditStatus.Cancelled)
            .Where(a => a.LeadAuditorId == userId || a.Team.Any(m => m.UserId == userId))
            .Select(a => new { a.Title, a.DepartmentIds, a.ContractorIds })
            .ToListAsync(cancellationToken);
        foreach (var audit in audits.OrderBy(a => a.Title, StringComparer.Ordinal))
        {
            var owners = await db.Contractors.AsNoTracking().Where(c => audit.ContractorIds.Contains(c.Id))
                .Select(c => c.OwningDepartmentId).ToListAsync(cancellationToken);
            if (!IsIndependent(department, audit.DepartmentIds, owners))
            {
                var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
                return l["Audits.Independence.MoveRefused", user, await DepartmentNameAsync(department, cancellationToken), audit.Title];
            }
        }

        return null;
    }

    private async Task<string> DepartmentNameAsync(Guid id, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.NameJa, d.NameEn }).SingleAsync(cancellationToken);
        return Languages.Current == Languages.English ? department.NameEn : department.NameJa;
    }
}
