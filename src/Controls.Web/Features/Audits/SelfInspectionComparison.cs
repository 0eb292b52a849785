using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audited departments' (and contractors') latest self-inspection answers for the measures in
/// scope, to set beside the audit results. A disagreement: the department said "yes" but the audit
/// found the measure nonconforming, or it said "no"/"partial" but the audit found it conforming.
/// </summary>
public sealed class SelfInspectionComparison(AppDbContext db)
{
    public sealed record SelfAnswer(Guid TargetId, string MeasureCode, string ItemCode, AnswerValue Value, string Comment, Guid InspectionId, DateOnly PeriodEnd);

    public static bool Disagrees(AnswerValue self, AuditTestResult? result) =>
        (self == AnswerValue.Yes && result == AuditTestResult.Nonconforming)
        || (self is AnswerValue.No or AnswerValue.Partial && result == AuditTestResult.Conforming);

    /// <summary>Per audited department or contractor and check item, the answer of the latest submitted or accepted inspection.</summary>
    public async Task<List<SelfAnswer>> LatestAsync(Audit audit, IReadOnlyCollection<string> measureCodes, CancellationToken cancellationToken = default)
    {
        var targets = audit.DepartmentIds.Select(Inspection.DepartmentTarget).Concat(audit.ContractorIds.Select(Inspection.ContractorTarget)).ToList();
        var rows = await db.Answers.AsNoTracking()
            .Where(a => targets.Contains(a.Inspection.TargetKey) && a.Value != null
                && (a.Inspection.Status == InspectionStatus.Submitted || a.Inspection.Status == InspectionStatus.Accepted)
                && measureCodes.Contains(a.CheckItem.Measure.Code))
            .Select(a => new
            {
                a.Inspection.DepartmentId,
                a.Inspection.ContractorId,
                MeasureCode = a.CheckItem.Measure.Code,
                ItemCode = a.CheckItem.Code,
                Value = a.Value!.Value,
                a.Comment,
                a.InspectionId,
                a.Inspection.PeriodEnd,
                a.Inspection.SubmittedAt,
            })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (Target: r.ContractorId ?? r.DepartmentId, r.ItemCode))
            .Select(g => g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.SubmittedAt).First())
            .Select(r => new SelfAnswer(r.ContractorId ?? r.DepartmentId, r.MeasureCode, r.ItemCode, r.Value, r.Comment, r.InspectionId, r.PeriodEnd))
            .OrderBy(r => r.ItemCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many self-inspection answers disagree with the audit's result for their measure.</summary>
    public static int CountDisagreements(IEnumerable<SelfAnswer> answers, IReadOnlyDictionary<string, AuditTestResult?> results) =>
        answers.Count(a => Disagrees(a.Value, results.GetValueOrDefault(a.MeasureCode)));
}
