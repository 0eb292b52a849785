using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// My inspections (自己点検): a department head or delegate sees their department's, by state (open,
/// due soon, overdue, returned, done); compliance officers, auditors, management and administrators
/// see every department's, filtered by department and status. Any signed-in user; scoped by InspectionAccess.
/// </summary>
public class IndexModel(AppDbContext db, InspectionAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Due within this many days counts as "due soon".</summary>
    public const int DueSoonDays = 7;

    public static readonly string[] Views = ["open", "soon", "overdue", "returned", "done", "all"];

    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public InspectionStatus? Status { get; set; }
    /// <summary>Inspections whose period starts on or after this day (the dashboard's period).</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    /// <summary>Inspections whose period starts on or before this day.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Catalog { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool SeesAll { get; private set; }
    /// <summary>Sees several departments (all, or a division head's): rows name the department and the list filters by it.</summary>
    public bool ShowsDepartments { get; private set; }
    public bool RangeWasInvalid { get; private set; }
    public bool Answers { get; private set; }
    public bool IsHead { get; private set; }
    public DateOnly Today { get; private set; }
    public Dictionary<string, int> Counts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed record Row(
        Guid Id, string CatalogJa, string CatalogEn, string DepartmentJa, string DepartmentEn, string? Contractor,
        DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, InspectionStatus Status, int Answered, int Total)
    {
        public bool IsOverdue(DateOnly today) =>
            today > DueOn && Status is InspectionStatus.NotStarted or InspectionStatus.InProgress or InspectionStatus.Returned;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = await FilteredAsync(cancellationToken);
        Counts = await CountAsync(visible, cancellationToken);
        var page = InView(visible, View!)
            .OrderBy(i => i.DueOn).ThenBy(i => i.Department.Code).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1);
        var rows = await InspectionContent.WithProgress(page, db)
            .Select(p => new Row(
                p.Inspection.Id, p.Inspection.CatalogVersion.TitleJa, p.Inspection.CatalogVersion.TitleEn, p.Inspection.Department.NameJa, p.Inspection.Department.NameEn,
                p.Inspection.Contractor == null ? null : p.Inspection.Contractor.Name,
                p.Inspection.PeriodStart, p.Inspection.PeriodEnd, p.Inspection.DueOn, p.Inspection.Status,
                p.Answered, p.Total))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>CSV or Excel of every row the current view and filters show (all pages).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var visible = InView(await FilteredAsync(cancellationToken), View!);
        var en = Languages.Current == Languages.English;
        var statuses = Enum.GetValues<InspectionStatus>().ToDictionary(s => s, s => l["InspectionStatus." + s].Value);
        var today = Today;
        var rows = InspectionContent.WithProgress(visible
            .OrderBy(i => i.DueOn).ThenBy(i => i.Department.Code).ThenBy(i => i.Id), db)
            .Select(p => new
            {
                p.Inspection.Department.Code,
                p.Inspection.Department.NameJa,
                p.Inspection.Department.NameEn,
                Contractor = p.Inspection.Contractor == null ? null : p.Inspection.Contractor.Name,
                p.Inspection.CatalogVersion.TitleJa,
                p.Inspection.CatalogVersion.TitleEn,
                p.Inspection.PeriodStart,
                p.Inspection.PeriodEnd,
                p.Inspection.DueOn,
                p.Inspection.Status,
                p.Inspection.SubmittedAt,
                p.Inspection.ReviewedAt,
                p.Answered,
                p.Total,
            })
            .AsAsyncEnumerable()
            .Select(i => new object?[]
            {
                i.Code, en ? i.NameEn : i.NameJa, i.Contractor, en ? i.TitleEn : i.TitleJa, i.PeriodStart, i.PeriodEnd, i.DueOn,
                statuses[i.Status], i.DueOn < today && i.Status is InspectionStatus.NotStarted or InspectionStatus.InProgress or InspectionStatus.Returned,
                ListExport.Local(clock, i.SubmittedAt), ListExport.Local(clock, i.ReviewedAt), i.Answered, i.Total,
            });
        XlsxColumn[] columns =
        [
            new(l["Export.DepartmentCode"], 10), new(l["Workbook.Department"], 22), new(l["Inspections.Contractor"], 22), new(l["Inspections.Checklist"], 30),
            new(l["Workbook.PeriodStart"], 12, XlsxKind.Date), new(l["Workbook.PeriodEnd"], 12, XlsxKind.Date), new(l["Field.DueOn"], 12, XlsxKind.Date),
            new(l["Field.Status"], 12), new(l["Inspections.Overdue"], 10), new(l["Workbook.SubmittedAt"], 17, XlsxKind.DateTime),
            new(l["Workbook.ReviewedAt"], 17, XlsxKind.DateTime), new(l["Export.Answered"], 10), new(l["Export.Items"], 10),
        ];
        return await ListExport.WriteAsync(this, format, "inspections", l["Inspections.Title"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The inspections this user may see, narrowed by the department and status filters (not yet by view).</summary>
    private async Task<IQueryable<Inspection>> FilteredAsync(CancellationToken cancellationToken)
    {
        SeesAll = DepartmentScope.SeesAllDepartments(User);
        var departments = await access.DepartmentsAsync(User, cancellationToken);
        ShowsDepartments = departments.Several;
        Answers = await access.AnsweringDepartmentAsync(User, cancellationToken) is not null;
        IsHead = User.IsInRole(Roles.DepartmentHead) && DepartmentScope.DepartmentOf(User) is not null;
        View = Views.Contains(View) ? View : SeesAll && !Answers ? "all" : "open";
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);

        var visible = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (From > To)
        {
            RangeWasInvalid = true;
            From = null;
            To = null;
        }

        if (From is { } from)
        {
            visible = visible.Where(i => i.PeriodStart >= from);
        }

        if (To is { } to)
        {
            visible = visible.Where(i => i.PeriodStart <= to);
        }

        if (Catalog is { } catalog)
        {
            visible = visible.Where(i => i.CatalogVersion.CatalogId == catalog);
        }

        if (ShowsDepartments)
        {
            Departments = await DepartmentTree.FilterChoicesAsync(db, departments.All ? null : departments.Ids, cancellationToken);
            if (Department is { } department)
            {
                visible = visible.Where(i => i.DepartmentId == department);
            }

            if (Status is { } status)
            {
                visible = visible.Where(i => i.Status == status);
            }
        }

        return visible;
    }

    public Dictionary<string, string> RouteFor(string? view, int page = 1) => new()
    {
        ["View"] = view ?? View ?? "",
        ["Department"] = Department?.ToString() ?? "",
        ["Status"] = Status?.ToString() ?? "",
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Catalog"] = Catalog?.ToString() ?? "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private IQueryable<Inspection> InView(IQueryable<Inspection> query, string view)
    {
        var today = Today;
        var soon = Today.AddDays(DueSoonDays);
        return view switch
        {
            "open" => query.Where(i => i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned),
            "soon" => query.Where(i => (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned)
                && i.DueOn >= today && i.DueOn <= soon),
            "overdue" => query.Where(i => (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned)
                && i.DueOn < today),
            "returned" => query.Where(i => i.Status == InspectionStatus.Returned),
            "done" => query.Where(i => i.Status == InspectionStatus.Submitted || i.Status == InspectionStatus.Accepted),
            _ => query,
        };
    }

    private async Task<Dictionary<string, int>> CountAsync(IQueryable<Inspection> query, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        foreach (var view in Views)
        {
            counts[view] = await InView(query, view).CountAsync(cancellationToken);
        }

        return counts;
    }
}
