using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Follow-up audits (フォローアップ監査): an audit that re-checks open findings of an earlier one. The
/// open findings of an audit are its own and those carried into it that are still open, except
/// those already carried into another follow-up that is not closed or cancelled. The follow-up's
/// scope follows from the chosen findings (their departments, or the contractors in the original's
/// scope that those departments own; their measures), on the original's pinned catalog version;
/// it is saved by <see cref="SaveAudit"/> like any audit, so independence applies.
/// </summary>
public sealed class FollowUpAudits(AppDbContext db, SaveAudit save, IStringLocalizer<SharedResource> l)
{
    public sealed record OpenFinding(Guid Id, FindingClass Classification, string MeasureCode, string CheckItemCode, string Description,
        Guid DepartmentId, string Department, CorrectiveActionStatus? ActionStatus);

    public IQueryable<Finding> OpenFindings(Guid auditId) =>
        db.Findings.Where(f => f.Status == FindingStatus.Open
            && (f.AuditId == auditId || db.FindingRechecks.Any(r => r.AuditId == auditId && r.FindingId == f.Id))
            && !db.FindingRechecks.Any(r => r.FindingId == f.Id && r.AuditId != auditId
                && db.Audits.Any(a => a.Id == r.AuditId && a.Status != AuditStatus.Closed && a.Status != AuditStatus.Cancelled)));

    public async Task<List<OpenFinding>> OpenFindingsAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var english = Languages.Current == Languages.English;
        return await OpenFindings(auditId).AsNoTracking().OrderBy(f => f.CreatedAt)
            .Select(f => new OpenFinding(f.Id, f.Classification, f.MeasureCode, f.CheckItemCode, f.Description, f.DepartmentId,
                english ? f.Department.NameEn : f.Department.NameJa, f.CorrectiveAction == null ? null : f.CorrectiveAction.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Plans the follow-up; null (with the messages in <paramref name="state"/>) when refused.</summary>
    public async Task<Guid?> CreateAsync(ClaimsPrincipal user, ModelStateDictionary state, Audit original, AuditInput input, IReadOnlyList<Guid> findingIds,
        int fiscalStartMonth, CancellationToken cancellationToken = default)
    {
        if (original.Status == AuditStatus.Cancelled)
        {
            state.AddModelError("", l["Audits.StepNotAllowed"]);
            return null;
        }

        var chosen = await OpenFindings(original.Id).AsNoTracking().Where(f => findingIds.Contains(f.Id))
            .Select(f => new { f.Id, f.DepartmentId, f.MeasureCode }).ToListAsync(cancellationToken);
        if (chosen.Count == 0 || chosen.Count != findingIds.Distinct().Count())
        {
            state.AddModelError("FindingIds", l["Audits.FollowUpNeedsFindings"]);
            return null;
        }

        var departments = chosen.Select(f => f.DepartmentId).Distinct().ToList();
        var contractors = await db.Contractors.AsNoTracking()
            .Where(c => original.ContractorIds.Contains(c.Id) && departments.Contains(c.OwningDepartmentId) && !original.DepartmentIds.Contains(c.OwningDepartmentId))
            .Select(c => new { c.Id, c.OwningDepartmentId }).ToListAsync(cancellationToken);
        input.DepartmentIds = departments.Where(d => contractors.All(c => c.OwningDepartmentId != d)).ToList();
        input.ContractorIds = contractors.Select(c => c.Id).ToList();
        input.MeasureCodes = string.Join(", ", chosen.Select(f => f.MeasureCode).Distinct().Order(StringComparer.Ordinal));
        return await save.CreateAsync(user, state, input, fiscalStartMonth,
            new SaveAudit.FollowUp(original.Id, original.CatalogVersionId, chosen.Select(f => f.Id).ToList()), cancellationToken);
    }
}
