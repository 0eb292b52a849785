using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Every audit finding (指摘事項) the user may see (AuditAccess: all for auditors, compliance officers,
/// management and administrators; a department head their department's), filtered by
/// classification, status and department, with its corrective action's status and an overdue flag;
/// CSV and Excel of exactly the rows shown.
/// </summary>
public class FindingsModel(AppDbContext db, AuditAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public FindingClass? Classification { get; set; }
    [BindProperty(SupportsGet = true)] public FindingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool SeesAll { get; private set; }
    /// <summary>Sees several departments (all, or a division head's): the list filters by department.</summary>
    public bool ShowsDepartments { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed record Row(
        Guid Id, Guid AuditId, string Audit, string DepartmentCode, string DepartmentJa, string DepartmentEn, string MeasureCode, string CheckItemCode,
        FindingClass Classification, string Description, FindingStatus Status, DateTimeOffset CreatedAt,
        CorrectiveActionStatus? ActionStatus, DateOnly? ActionDueOn)
    {
        public bool IsOverdue(DateOnly today) =>
            ActionStatus is { } status && ActionDueOn is { } due && CorrectiveAction.IsOverdue(status, due, today);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var rows = await Project(query).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>CSV or Excel of every finding the current filters show (all pages).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var en = Languages.Current == Languages.English;
        var classifications = Enum.GetValues<FindingClass>().ToDictionary(c => c, c => l["FindingClass." + c].Value);
        var statuses = Enum.GetValues<FindingStatus>().ToDictionary(s => s, s => l["FindingStatus." + s].Value);
        var actionStatuses = Enum.GetValues<CorrectiveActionStatus>().ToDictionary(s => s, s => l["ActionStatus." + s].Value);
        var today = Today;
        var rows = Project(query).AsAsyncEnumerable().Select(f =>
        {
            var raised = RaisedOn(f);
            return new object?[]
            {
                f.Audit, f.DepartmentCode, en ? f.DepartmentEn : f.DepartmentJa, f.MeasureCode, f.CheckItemCode, classifications[f.Classification],
                f.Description, statuses[f.Status], raised, today.DayNumber - raised.DayNumber,
                f.ActionStatus is { } a ? actionStatuses[a] : null, f.ActionDueOn, f.IsOverdue(today),
            };
        });
        XlsxColumn[] columns =
        [
            new(l["Workbook.Audit"], 30), new(l["Export.DepartmentCode"], 10), new(l["Workbook.Department"], 22), new(l["Workbook.MeasureId"], 10),
            new(l["Workbook.ItemId"], 10), new(l["Workbook.Classification"], 16), new(l["Workbook.Finding"], 40), new(l["Workbook.FindingStatus"], 10),
            new(l["Workbook.RaisedOn"], 12, XlsxKind.Date), new(l["Workbook.AgeDays"], 10), new(l["Workbook.ActionStatus"], 12),
            new(l["Field.DueOn"], 12, XlsxKind.Date), new(l["Workbook.OverdueFlag"], 10),
        ];
        return await ListExport.WriteAsync(this, format, "findings", l["Findings.Title"], columns, rows, clock, cancellationToken);
    }

    public DateOnly RaisedOn(Row row) => DateOnly.FromDateTime(clock.ToLocal(row.CreatedAt).DateTime);

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["Classification"] = Classification?.ToString() ?? "",
        ["Status"] = Status?.ToString() ?? "",
        ["Department"] = Department?.ToString() ?? "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IQueryable<Row> Project(IQueryable<Finding> query) =>
        query.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new Row(
                f.Id, f.AuditId, f.Audit.Title, f.Department.Code, f.Department.NameJa, f.Department.NameEn, f.MeasureCode, f.CheckItemCode,
                f.Classification, f.Description, f.Status, f.CreatedAt,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.Status,
                f.CorrectiveAction == null ? null : f.CorrectiveAction.DueOn));

    /// <summary>The findings this user may see, narrowed by the filters.</summary>
    private async Task<IQueryable<Finding>> FilteredAsync(CancellationToken cancellationToken)
    {
        SeesAll = AuditAccess.SeesAll(User);
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var query = (await access.FindingsAsync(User, cancellationToken)).AsNoTracking();
        var departments = await access.AuditeeDepartmentsAsync(User, cancellationToken);
        ShowsDepartments = departments.Several;
        if (ShowsDepartments)
        {
            Departments = await DepartmentTree.FilterChoicesAsync(db, departments.All ? null : departments.Ids, cancellationToken);
            if (Department is { } department)
            {
                query = query.Where(f => f.DepartmentId == department);
            }
        }

        if (Classification is { } classification)
        {
            query = query.Where(f => f.Classification == classification);
        }

        if (Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        return query;
    }
}
