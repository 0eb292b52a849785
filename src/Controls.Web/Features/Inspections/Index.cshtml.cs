using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// My inspections (自己点検): a department head or delegate sees their department's, by state (open,
/// due soon, overdue, returned, done); compliance officers, auditors, management and administrators
/// see every department's, filtered by department and status. Any signed-in user; scoped by InspectionAccess.
/// </summary>
public class IndexModel(AppDbContext db, InspectionAccess access, OrganisationClock clock) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Due within this many days counts as "due soon".</summary>
    public const int DueSoonDays = 7;

    public static readonly string[] Views = ["open", "soon", "overdue", "returned", "done", "all"];

    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public InspectionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool SeesAll { get; private set; }
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
        SeesAll = InspectionAccess.SeesAllDepartments(User);
        Answers = await access.AnsweringDepartmentAsync(User, cancellationToken) is not null;
        IsHead = User.IsInRole(Roles.DepartmentHead) && InspectionAccess.DepartmentOf(User) is not null;
        View = Views.Contains(View) ? View : SeesAll && !Answers ? "all" : "open";
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);

        var visible = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (SeesAll)
        {
            var language = Languages.Current;
            Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                    .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.Code + " " + (language == Languages.English ? d.NameEn : d.NameJa))).ToList();
            if (Department is { } department)
            {
                visible = visible.Where(i => i.DepartmentId == department);
            }

            if (Status is { } status)
            {
                visible = visible.Where(i => i.Status == status);
            }
        }

        Counts = await CountAsync(visible, cancellationToken);
        var rows = await InView(visible, View!)
            .OrderBy(i => i.DueOn).ThenBy(i => i.Department.Code).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(i => new Row(
                i.Id, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn, i.Department.NameJa, i.Department.NameEn,
                i.Contractor == null ? null : i.Contractor.Name,
                i.PeriodStart, i.PeriodEnd, i.DueOn, i.Status,
                i.Answers.Count(a => a.Value != null),
                db.CheckItems.Count(c => c.Measure.CatalogVersionId == i.CatalogVersionId && (i.MeasureCodes.Count == 0 || i.MeasureCodes.Contains(c.Measure.Code)))))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    public Dictionary<string, string> RouteFor(string? view, int page = 1) => new()
    {
        ["View"] = view ?? View ?? "",
        ["Department"] = Department?.ToString() ?? "",
        ["Status"] = Status?.ToString() ?? "",
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
