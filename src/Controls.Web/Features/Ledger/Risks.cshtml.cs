using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The risk register (リスク分析一覧): every ledger entry this user sees × each life-cycle stage, as
/// PrivacyMark offices keep it (管理番号, 個人情報の名称, 部門, ライフサイクル, リスク, 発生可能性,
/// 影響度, リスク値, 対策, 残存リスク, 受容(者/日), 次回見直し). An entry not yet assessed shows its
/// stages blank. Filtered by department, stage, residual risk level, acceptance pending and overdue
/// re-assessment; exported as CSV or Excel from the same query (one row per entry × stage).
/// </summary>
public class RisksModel(AppDbContext db, LedgerAccess access, DepartmentScope departmentScope, RiskMeasures catalog, OrganisationClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public LifeCycleStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public RiskLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool PendingOnly { get; set; }
    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>A compliance officer: rows waiting for acceptance link to the acceptance page.</summary>
    public bool CanAccept => LedgerAccess.CanAcceptRisk(User);
    public List<Row> Rows { get; private set; } = [];
    public Dictionary<Guid, RiskMeasures.Choice> Linked { get; private set; } = [];

    /// <summary>One row of the register: an entry's stage (the stage fields null when not yet assessed).</summary>
    public sealed record Row(Guid EntryId, string Reference, string Name, string Department, LifeCycleStage Stage, RiskAssessmentStage? Saved, DateOnly? AssessedOn)
    {
        public DateOnly? NextAssessment => RiskAssessment.NextAssessmentOn(AssessedOn);
    }

    private sealed class EntryRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Code { get; init; } = "";
        public string NameJa { get; init; } = "";
        public string NameEn { get; init; } = "";
        public DateOnly? AssessedOn { get; init; }
        public List<RiskAssessmentStage>? Stages { get; init; }
    }

    public async Task OnGetAsync()
    {
        var scope = await departmentScope.VisibleAsync(User, HttpContext.RequestAborted);
        Departments = await DepartmentTree.FilterChoicesAsync(db, scope.All ? null : scope.Ids, HttpContext.RequestAborted);
        var query = await FilteredAsync(HttpContext.RequestAborted);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var entries = await query.Skip(skip).Take(take).ToListAsync(HttpContext.RequestAborted);
        Paging = new(PageNumber, entries.Count > PageSize);
        Rows = entries.Take(PageSize).SelectMany(Expand).ToList();
        Linked = await catalog.ByIdAsync(Rows.SelectMany(r => r.Saved?.MeasureIds ?? []), HttpContext.RequestAborted);
    }

    /// <summary>CSV or Excel of every row the filters show (all pages), one row per entry × stage.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        return await ListExport.WriteAsync(this, format ?? ListExport.Xlsx, "risks", l["Nav.Risks"], Columns(), ExportRowsAsync(query, cancellationToken), clock, cancellationToken);
    }

    private IReadOnlyList<XlsxColumn> Columns() =>
    [
        new(l["Risk.Column.Reference"], 12), new(l["Risk.Column.Name"], 28), new(l["Risk.Column.Department"], 20), new(l["Risk.Column.Stage"], 16),
        new(l["Risk.Field.Risk"], 36), new(l["Risk.Field.Likelihood"], 10), new(l["Risk.Field.Impact"], 10), new(l["Risk.Score"], 10),
        new(l["Risk.Field.Measures"], 40), new(l["Risk.ResidualScore"], 12), new(l["Risk.Column.Acceptance"], 24), new(l["Risk.NextAssessment"], 14, XlsxKind.Date),
    ];

    private async IAsyncEnumerable<object?[]> ExportRowsAsync(IQueryable<EntryRow> query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var measures = await catalog.AllAsync(cancellationToken);
        var language = Languages.Current;
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var r in Expand(entry))
            {
                var s = r.Saved;
                var notApplicable = s?.NotApplicable == true;
                var links = (s?.MeasureIds ?? []).Where(measures.ContainsKey).Select(id => measures[id].Label(language));
                yield return
                [
                    r.Reference, r.Name, r.Department, l["Risk.Stage." + r.Stage].Value,
                    notApplicable ? Join(l["Risk.Field.NotApplicable"].Value, s!.Risk) : s?.Risk,
                    s?.Likelihood, s?.Impact, s?.Score,
                    string.Join("\n", new[] { s?.Measures ?? "" }.Concat(links).Where(t => t.Length > 0)),
                    s?.ResidualScore,
                    s?.AcceptedAt is { } at ? $"{s.AcceptedBy} {clock.ToLocal(at).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}" : s?.NeedsAcceptance == true ? l["Risk.State.AcceptancePending"].Value : "",
                    r.NextAssessment,
                ];
            }
        }
    }

    private static string Join(string a, string b) => b.Length > 0 ? $"{a}: {b}" : a;

    /// <summary>An entry's rows: every stage (blank where not assessed), or only the stages matching the stage, level and pending filters.</summary>
    private IEnumerable<Row> Expand(EntryRow e)
    {
        var department = e.Code + " " + (Languages.Current == Languages.English ? e.NameEn : e.NameJa);
        var reference = LedgerEntry.ReferenceOf(e.Id);
        var stages = e.Stages ?? [];
        var onlyMatching = Level is not null || PendingOnly;
        foreach (var stage in Enum.GetValues<LifeCycleStage>())
        {
            if (Stage is { } wanted && wanted != stage)
            {
                continue;
            }

            var saved = stages.SingleOrDefault(s => s.Stage == stage);
            if (onlyMatching && saved is null)
            {
                continue;
            }

            yield return new Row(e.Id, reference, e.Name, department, stage, saved, e.AssessedOn);
        }
    }

    /// <summary>The entries this user may see with their matching stages, narrowed by the filters, in the register's order (the page and its export).</summary>
    private async Task<IQueryable<EntryRow>> FilteredAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var yearAgo = Today.AddYears(-1);
        var entries = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (DepartmentId is { } department)
        {
            entries = entries.Where(e => e.DepartmentId == department);
        }

        if (OverdueOnly)
        {
            entries = entries.Where(e => e.RiskAssessment == null || e.RiskAssessment.AssessedOn == null || e.RiskAssessment.AssessedOn < yearAgo);
        }

        // The stages a row is shown for: with a level or "pending" filter only the matching ones (and only entries having one).
        var stage = Stage;
        int? low = null, high = null;
        if (Level is { } level)
        {
            (low, high) = level switch
            {
                RiskLevel.Low => (1, RiskAssessment.LowUpTo),
                RiskLevel.Medium => (RiskAssessment.LowUpTo + 1, RiskAssessment.MediumUpTo),
                _ => (RiskAssessment.MediumUpTo + 1, RiskAssessment.MaxRating * RiskAssessment.MaxRating),
            };
        }

        var pending = PendingOnly;
        var acceptable = RiskAssessment.AcceptableScore;
        System.Linq.Expressions.Expression<Func<RiskAssessmentStage, bool>> matches = s =>
            (stage == null || s.Stage == stage)
            && (low == null || (!s.NotApplicable && s.ResidualScore >= low && s.ResidualScore <= high))
            && (!pending || (!s.NotApplicable && s.ResidualScore > acceptable && s.AcceptedAt == null));
        if (Level is not null || PendingOnly)
        {
            entries = entries.Where(e => e.RiskAssessment != null && e.RiskAssessment.Stages.AsQueryable().Any(matches));
        }

        return entries.OrderBy(e => e.Department.Code).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new EntryRow
            {
                Id = e.Id,
                Name = e.Name,
                Code = e.Department.Code,
                NameJa = e.Department.NameJa,
                NameEn = e.Department.NameEn,
                AssessedOn = e.RiskAssessment == null ? null : e.RiskAssessment.AssessedOn,
                Stages = e.RiskAssessment == null ? null : e.RiskAssessment.Stages.AsQueryable().Where(matches).ToList(),
            });
    }
}
