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
public class RisksModel(AppDbContext db, LedgerAccess access, DepartmentScope departmentScope, RiskMeasures catalog, RiskRegister register, OrganisationClock clock,
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
    public List<RiskRegister.Row> Rows { get; private set; } = [];
    public Dictionary<Guid, RiskMeasures.Choice> Linked { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var scope = await departmentScope.VisibleAsync(User, HttpContext.RequestAborted);
        Departments = await DepartmentTree.FilterChoicesAsync(db, scope.All ? null : scope.Ids, HttpContext.RequestAborted);
        var query = await FilteredAsync(HttpContext.RequestAborted);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var entries = await query.Skip(skip).Take(take).ToListAsync(HttpContext.RequestAborted);
        Paging = new(PageNumber, entries.Count > PageSize);
        Rows = entries.Take(PageSize).SelectMany(e => RiskRegister.Expand(e, Filter(), Languages.Current)).ToList();
        Linked = await catalog.ByIdAsync(Rows.SelectMany(r => r.Saved?.MeasureIds ?? []), HttpContext.RequestAborted);
    }

    /// <summary>CSV or Excel of every row the filters show (all pages), one row per entry × stage.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        return await ListExport.WriteAsync(this, format ?? ListExport.Xlsx, "risks", l["Nav.Risks"], register.Columns(),
            register.ExportRowsAsync(query, Filter(), Languages.Current, cancellationToken), clock, cancellationToken);
    }

    private RiskRegister.Filter Filter() => new(Stage, Level, PendingOnly);

    /// <summary>The entries this user may see with their matching stages, narrowed by the filters, in the register's order (the page and its export).</summary>
    private async Task<IQueryable<RiskRegister.EntryRow>> FilteredAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var entries = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (DepartmentId is { } department)
        {
            entries = entries.Where(e => e.DepartmentId == department);
        }

        if (OverdueOnly)
        {
            entries = RiskRegister.Overdue(entries, Today);
        }

        return RiskRegister.Query(entries, Filter());
    }
}
