using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The personal-data ledger (個人データ取扱台帳), with entries overdue for their annual review marked;
/// exported as CSV or Excel exactly as filtered (every field, so the workbook imports back). A
/// department head sees their department's only.
/// </summary>
public class IndexModel(LedgerAccess access, LedgerWorkbook workbook, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);

    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, Guid DepartmentId, string Department, string Name, string Kind, LedgerMedium Medium, List<string> Countries,
        PeopleRange People, bool SpecialCareData, DateOnly? LastReviewedOn, bool CanEdit, DateOnly? RiskAssessedOn, bool RiskPending);

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        CanCreate = LedgerAccess.CanCreate(User);
        var query = await FilteredAsync(HttpContext.RequestAborted);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var rows = await query
            .Skip(skip).Take(take)
            .Select(e => new
            {
                e.Id,
                e.DepartmentId,
                Department = e.Department.Code + " " + (language == "en" ? e.Department.NameEn : e.Department.NameJa),
                e.Name,
                e.Kind,
                e.Medium,
                e.Countries,
                e.People,
                e.SpecialCareData,
                e.LastReviewedOn,
                RiskAssessedOn = e.RiskAssessment == null ? null : e.RiskAssessment.AssessedOn,
                RiskPending = e.RiskAssessment != null && e.RiskAssessment.Stages.Any(s => !s.NotApplicable && s.ResidualScore > RiskAssessment.AcceptableScore && s.AcceptedAt == null),
            })
            .ToListAsync();
        Paging = new(PageNumber, rows.Count > PageSize);
        Rows = rows.Take(PageSize).Select(r => new Row(r.Id, r.DepartmentId, r.Department, r.Name, r.Kind, r.Medium, r.Countries, r.People, r.SpecialCareData,
            r.LastReviewedOn, LedgerAccess.CanEdit(User, r.DepartmentId), r.RiskAssessedOn, r.RiskPending)).ToList();
    }

    /// <summary>CSV or Excel (the default) of every entry the filters show, in the list's order; the workbook has no title row so it imports back.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        return await ListExport.WriteAsync(this, format ?? ListExport.Xlsx, "ledger", l["Nav.Ledger"], workbook.ExportColumns(),
            workbook.ExportRowsAsync(query, cancellationToken), clock, cancellationToken, titleRow: false);
    }

    /// <summary>The entries this user may see, narrowed by the page's filters, in the list's order (the page and its export).</summary>
    private async Task<IQueryable<LedgerEntry>> FilteredAsync(CancellationToken cancellationToken)
    {
        SeesAll = DepartmentScope.SeesAllDepartments(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var yearAgo = Today.AddYears(-1);
        var query = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (OverdueOnly)
        {
            query = query.Where(e => e.LastReviewedOn == null || e.LastReviewedOn < yearAgo);
        }

        return query.OrderBy(e => e.Department.Code).ThenBy(e => e.Name).ThenBy(e => e.Id);
    }
}
