using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audit report (監査報告書), printable in Japanese or English: scope, team, dates, results per
/// measure, findings with their corrective actions, and how often the self-inspection disagreed with
/// the audit. A department head sees the report of an audit of their department with only their
/// department's findings and answers.
/// </summary>
public class ReportModel(AppDbContext db, AuditAccess access, SelfInspectionComparison comparison, FollowUpAudits followUps, AttachAuditEvidence evidence,
    OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Audit Audit { get; private set; } = null!;
    public string Scope { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public List<string> Team { get; private set; } = [];
    public List<Measure> Measures { get; private set; } = [];
    public Dictionary<string, AuditTest> Tests { get; private set; } = [];
    /// <summary>
    /// The results per measure as this reader may see them: the one source of both the page and the
    /// workbook. The tests' notes may name other departments, so only those who see every department
    /// get them (<see cref="ShowsTestNotes"/>); a department head's rows carry none.
    /// </summary>
    public List<ResultRow> Results { get; private set; } = [];
    public bool ShowsTestNotes { get; private set; }
    public int Disagreements { get; private set; }
    public int SelfAnswers { get; private set; }
    public List<Row> Findings { get; private set; } = [];
    /// <summary>The audit this one follows up (if the user may see it), its own follow-ups, and the findings it re-checked.</summary>
    public (Guid Id, string Title)? Original { get; private set; }
    public List<FollowUpRow> FollowUps { get; private set; } = [];
    public List<RecheckRow> Rechecks { get; private set; } = [];
    /// <summary>Open findings that a follow-up audit could re-check (shown to those who plan audits).</summary>
    public int OpenToFollowUp { get; private set; }

    public sealed record ResultRow(string Code, string Title, string? Procedure, SamplingMethod? Method, int? PopulationSize, int? SampleSize, int? Seed,
        AuditTestResult? Result, string? Notes);

    public sealed record FollowUpRow(Guid Id, string Title, DateOnly WindowStart, DateOnly WindowEnd, AuditStatus Status);

    public sealed record RecheckRow(Guid FindingId, FindingClass Classification, string MeasureCode, string CheckItemCode, string Description, string Department,
        RecheckResult? Result, string Notes, FindingStatus Status, CorrectiveActionStatus? ActionStatus);

    public sealed record Row(Guid Id, FindingClass Classification, string MeasureCode, string CheckItemCode, string Description, string Department,
        FindingStatus Status, CorrectiveActionStatus? ActionStatus, string? Owner, DateOnly? DueOn);

    /// <summary>The evidence files of the tests (shown to those who see every department).</summary>
    public List<AttachAuditEvidence.File> TestEvidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>An evidence file of the audit, as an attachment, to those who may see it (others: 404).</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken)
    {
        if (await evidence.OpenAsync(User, id, evidenceId, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The same report as an Excel workbook: results per measure and findings, one sheet each.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var language = Languages.Current;
        Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = $"audit-{Audit.WindowStart:yyyyMMdd}-{Audit.Id.ToString()[..8]}.xlsx" }.ToString();
        await using var book = new XlsxWriter(Response.Body, cancellationToken);
        var subtitle = $"{l["Audits.Scope"]}: {Scope} · {l["Audits.Window"]}: {InspectionText.Period(Audit.WindowStart, Audit.WindowEnd)} · {l["Audits.Field.LeadAuditor"]}: {Lead}"
            + $" · {l["Audits.Disagreements"]}: {l["Audits.DisagreementCount", Disagreements, SelfAnswers]} · {clock.Format(clock.Now)}";
        var results = book.AddSheet(l["Audits.ResultsPerMeasure"], new SheetOptions
        {
            Title = $"{l["Audits.Report"]}: {Audit.Title}",
            Subtitle = subtitle,
            Columns =
            [
                new XlsxColumn(l["Audits.Field.Measure"], 12), new XlsxColumn(l["Audits.Field.Title"], 40), new XlsxColumn(l["Audits.Field.Procedure"], 50),
                new XlsxColumn(l["Audits.Field.Method"], 14), new XlsxColumn(l["Audits.Field.PopulationSize"], 10), new XlsxColumn(l["Audits.Field.SampleSize"], 10),
                new XlsxColumn(l["Audits.Field.Seed"], 12), new XlsxColumn(l["Audits.Field.Result"], 14),
                .. ShowsTestNotes ? [new XlsxColumn(l["Audits.Field.Notes"], 40)] : Array.Empty<XlsxColumn>(),
            ],
        });
        foreach (var row in Results)
        {
            object?[] cells =
            [
                row.Code, row.Title, row.Procedure, row.Method is { } method ? l["SamplingMethod." + method].Value : null,
                row.PopulationSize, row.SampleSize, row.Seed, row.Result is { } result ? l["AuditTestResult." + result].Value : l["Audits.NotTested"].Value,
                .. ShowsTestNotes ? [row.Notes] : Array.Empty<object?>(),
            ];
            await results.AddRowAsync(cells);
        }

        var findings = book.AddSheet(l["Audits.Findings"], new SheetOptions
        {
            Title = $"{l["Audits.Findings"]}: {Audit.Title}",
            Columns =
            [
                new XlsxColumn(l["Audits.Field.Classification"], 20), new XlsxColumn(l["Audits.Field.Measure"], 12), new XlsxColumn(l["Audits.Field.CheckItem"], 12),
                new XlsxColumn(l["Audits.Field.Description"], 60), new XlsxColumn(l["Field.Department"], 20), new XlsxColumn(l["Field.Status"], 10),
                new XlsxColumn(l["Audits.ActionStatus"], 16), new XlsxColumn(l["Field.Owner"], 16), new XlsxColumn(l["Field.DueOn"], 12),
            ],
        });
        foreach (var row in Findings)
        {
            await findings.AddRowAsync(l["FindingClass." + row.Classification].Value, row.MeasureCode, row.CheckItemCode, row.Description, row.Department,
                l["FindingStatus." + row.Status].Value, row.ActionStatus is { } s ? l["ActionStatus." + s].Value : null, row.Owner, row.DueOn is { } due ? InspectionText.Date(due) : null);
        }

        if (Rechecks.Count > 0)
        {
            var rechecks = book.AddSheet(l["Audits.Rechecks"], new SheetOptions
            {
                Title = $"{l["Audits.Rechecks"]}: {Audit.Title}",
                Subtitle = Original is { } original ? $"{l["Audits.FollowUpOf"]}: {original.Title}" : null,
                Columns =
                [
                    new XlsxColumn(l["Audits.Field.Classification"], 20), new XlsxColumn(l["Audits.Field.Measure"], 12), new XlsxColumn(l["Audits.Field.CheckItem"], 12),
                    new XlsxColumn(l["Audits.Field.Description"], 60), new XlsxColumn(l["Field.Department"], 20), new XlsxColumn(l["Audits.Field.RecheckResult"], 14),
                    new XlsxColumn(l["Audits.Field.RecheckNotes"], 60), new XlsxColumn(l["Field.Status"], 10), new XlsxColumn(l["Audits.ActionStatus"], 16),
                ],
            });
            foreach (var row in Rechecks)
            {
                await rechecks.AddRowAsync(l["FindingClass." + row.Classification].Value, row.MeasureCode, row.CheckItemCode, row.Description, row.Department,
                    row.Result is { } result ? l["RecheckResult." + result].Value : l["Audits.NotRechecked"].Value, row.Notes, l["FindingStatus." + row.Status].Value,
                    row.ActionStatus is { } s ? l["ActionStatus." + s].Value : null);
            }
        }

        await book.CompleteAsync();
        return new EmptyResult();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var audit = await (await access.AuditsAsync(User, cancellationToken)).AsNoTracking().Include(a => a.CatalogVersion).Include(a => a.LeadAuditor)
            .Include(a => a.Team).ThenInclude(m => m.User).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (audit is null)
        {
            return false;
        }

        Audit = audit;
        var names = await ScopeNames.NamesAsync(db, audit.DepartmentIds, audit.ContractorIds, cancellationToken);
        Scope = ScopeNames.Describe(names, audit.DepartmentIds, audit.ContractorIds);
        Lead = audit.LeadAuditor.DisplayName;
        Team = audit.Team.Select(m => m.User.DisplayName).Order(StringComparer.Ordinal).ToList();
        Measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
        Tests = await db.AuditTests.AsNoTracking().Where(t => t.AuditId == audit.Id).ToDictionaryAsync(t => t.MeasureCode, cancellationToken);
        ShowsTestNotes = AuditAccess.SeesAll(User);
        var language = Languages.Current;
        Results = Measures.Select(m => (Measure: m, Test: Tests.GetValueOrDefault(m.Code)))
            .Select(x => new ResultRow(x.Measure.Code, x.Measure.Title(language), x.Test?.Procedure, x.Test?.Method, x.Test?.PopulationSize, x.Test?.SampleSize,
                x.Test?.Seed, x.Test?.Result, ShowsTestNotes ? x.Test?.Notes : null))
            .ToList();
        var answers = await comparison.LatestAsync(audit, Measures.Select(m => m.Code).ToList(), cancellationToken);
        var auditee = await access.AuditeeDepartmentsAsync(User, cancellationToken);
        if (!auditee.All)
        {
            var ids = auditee.Ids;
            var ownContractors = await db.Contractors.Where(c => ids.Contains(c.OwningDepartmentId)).Select(c => c.Id).ToListAsync(cancellationToken);
            answers = answers.Where(a => auditee.Includes(a.TargetId) || ownContractors.Contains(a.TargetId)).ToList();
        }

        SelfAnswers = answers.Count;
        Disagreements = SelfInspectionComparison.CountDisagreements(answers, Tests.ToDictionary(t => t.Key, t => t.Value.Result));
        var english = Languages.Current == Languages.English;
        Findings = await (await access.FindingsAsync(User, cancellationToken)).AsNoTracking().Where(f => f.AuditId == audit.Id).OrderBy(f => f.CreatedAt)
            .Select(f => new Row(f.Id, f.Classification, f.MeasureCode, f.CheckItemCode, f.Description, english ? f.Department.NameEn : f.Department.NameJa, f.Status,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.Status,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.Owner.DisplayName,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.DueOn))
            .ToListAsync(cancellationToken);
        if (audit.FollowUpOfAuditId is { } originalId)
        {
            Original = await (await access.AuditsAsync(User, cancellationToken)).AsNoTracking().Where(a => a.Id == originalId).Select(a => new ValueTuple<Guid, string>(a.Id, a.Title)).SingleOrDefaultAsync(cancellationToken);
        }

        FollowUps = await (await access.AuditsAsync(User, cancellationToken)).AsNoTracking().Where(a => a.FollowUpOfAuditId == audit.Id).OrderBy(a => a.WindowStart)
            .Select(a => new FollowUpRow(a.Id, a.Title, a.WindowStart, a.WindowEnd, a.Status)).ToListAsync(cancellationToken);
        var visible = (await access.FindingsAsync(User, cancellationToken));
        Rechecks = await db.FindingRechecks.AsNoTracking().Where(r => r.AuditId == audit.Id && visible.Any(f => f.Id == r.FindingId)).OrderBy(r => r.Finding.CreatedAt)
            .Select(r => new RecheckRow(r.FindingId, r.Finding.Classification, r.Finding.MeasureCode, r.Finding.CheckItemCode, r.Finding.Description,
                english ? r.Finding.Department.NameEn : r.Finding.Department.NameJa, r.Result, r.Notes, r.Finding.Status,
                r.Finding.CorrectiveAction == null ? null : r.Finding.CorrectiveAction.Status))
            .ToListAsync(cancellationToken);
        TestEvidence = AuditAccess.SeesAll(User) ? await evidence.ListAsync(audit.Id, null, cancellationToken) : [];
        OpenToFollowUp = AuditAccess.Manages(User) && audit.Status != AuditStatus.Cancelled ? await followUps.OpenFindings(audit.Id).CountAsync(cancellationToken) : 0;
        return true;
    }
}
