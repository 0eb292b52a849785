using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audit report (監査報告書), printable in Japanese or English: scope, team, dates, results per
/// measure, findings with their corrective actions, and how often the self-inspection disagreed with
/// the audit. A department head sees the report of an audit of their department with only their
/// department's findings and answers.
/// </summary>
public class ReportModel(AppDbContext db, AuditAccess access, SelfInspectionComparison comparison) : PageModel
{
    public Audit Audit { get; private set; } = null!;
    public string Scope { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public List<string> Team { get; private set; } = [];
    public List<Measure> Measures { get; private set; } = [];
    public Dictionary<string, AuditTest> Tests { get; private set; } = [];
    public int Disagreements { get; private set; }
    public int SelfAnswers { get; private set; }
    public List<Row> Findings { get; private set; } = [];

    public sealed record Row(Guid Id, FindingClassification Classification, string MeasureCode, string CheckItemCode, string Description, string Department,
        FindingStatus Status, CorrectiveActionStatus? ActionStatus, string? Owner, DateOnly? DueOn);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var audit = await access.Audits(User).AsNoTracking().Include(a => a.CatalogVersion).Include(a => a.LeadAuditor)
            .Include(a => a.Team).ThenInclude(m => m.User).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (audit is null)
        {
            return NotFound();
        }

        Audit = audit;
        var names = await AuditScope.NamesAsync(db, audit.DepartmentIds, audit.ContractorIds, cancellationToken);
        Scope = AuditScope.Describe(names, audit.DepartmentIds, audit.ContractorIds);
        Lead = audit.LeadAuditor.DisplayName;
        Team = audit.Team.Select(m => m.User.DisplayName).Order(StringComparer.Ordinal).ToList();
        Measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
        Tests = await db.AuditTests.AsNoTracking().Where(t => t.AuditId == audit.Id).ToDictionaryAsync(t => t.MeasureCode, cancellationToken);
        var answers = await comparison.LatestAsync(audit, Measures.Select(m => m.Code).ToList(), cancellationToken);
        if (AuditAccess.AuditeeDepartment(User) is { } own && !AuditAccess.SeesAll(User))
        {
            var ownContractors = await db.Contractors.Where(c => c.OwningDepartmentId == own).Select(c => c.Id).ToListAsync(cancellationToken);
            answers = answers.Where(a => a.TargetId == own || ownContractors.Contains(a.TargetId)).ToList();
        }

        SelfAnswers = answers.Count;
        Disagreements = SelfInspectionComparison.CountDisagreements(answers, Tests.ToDictionary(t => t.Key, t => t.Value.Result));
        var english = Languages.Current == Languages.English;
        Findings = await access.Findings(User).AsNoTracking().Where(f => f.AuditId == audit.Id).OrderBy(f => f.CreatedAt)
            .Select(f => new Row(f.Id, f.Classification, f.MeasureCode, f.CheckItemCode, f.Description, english ? f.Department.NameEn : f.Department.NameJa, f.Status,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.Status,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.Owner.DisplayName,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.DueOn))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
