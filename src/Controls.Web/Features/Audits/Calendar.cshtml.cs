using System.Globalization;
using Controls.Web.Data;
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

namespace Controls.Web.Features.Audits;

/// <summary>
/// The calendar of one month, as a grid (weeks × weekdays, Monday first; the default) or a list:
/// audits whose window touches the month and inspections due in it, filterable by department and
/// auditor (kept in the URL), scoped like the audits and inspections pages; exported (CSV, Excel)
/// as the list view shows it.
/// Below it the user's personal iCalendar feed: create or regenerate its secret URL (shown once).
/// </summary>
public class CalendarModel(AppDbContext db, AuditAccess auditAccess, InspectionAccess inspectionAccess, AuditCalendar calendar, OrganisationClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Auditor { get; set; }
    /// <summary>"list" for the list; anything else is the month grid.</summary>
    [BindProperty(Name = "view", SupportsGet = true)] public string? Mode { get; set; }

    public bool IsList => string.Equals(Mode, "list", StringComparison.Ordinal);
    public string ModeParameter => IsList ? "list" : "month";
    public DateOnly Today { get; private set; }
    /// <summary>The weeks shown by the grid, Monday to Sunday, covering the whole month.</summary>
    public List<List<DateOnly>> Weeks { get; private set; } = [];

    public DateOnly First { get; private set; }
    public DateTimeOffset? CreatedAt { get; private set; }
    public string? FeedUrl { get; private set; }
    public List<Entry> Entries { get; private set; } = [];
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public List<(Guid Id, string Name)> Auditors { get; private set; } = [];

    public sealed record Entry(DateOnly Start, DateOnly End, string Kind, string Title, string Page, Guid Id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        CreatedAt = await calendar.CreatedAtAsync(DepartmentScope.UserId(User)!.Value, cancellationToken);
        if (TempData["FeedToken"] is string token)
        {
            FeedUrl = $"{Request.Scheme}://{Request.Host}{Url.Page("Feed", new { token })}";
        }
    }

    /// <summary>CSV or Excel of the month's entries the filters show, in the list view's order.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Export.Start"], 12, XlsxKind.Date), new(l["Export.End"], 12, XlsxKind.Date), new(l["Export.Kind"], 14), new(l["Export.Title"], 40),
        ];
        var audit = l["Audits.Audit"].Value;
        var inspection = l["Audits.InspectionDue"].Value;
        var rows = Entries.Select(e => new object?[] { e.Start, e.End, e.Kind == "audit" ? audit : inspection, e.Title }).ToAsyncEnumerable();
        var title = $"{l["Audits.Calendar"].Value} {First.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return await ListExport.WriteAsync(this, format, "calendar", title, columns, rows, clock, cancellationToken);
    }

    /// <summary>The month's entries the filters show (the page and its export).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : new DateOnly(today.Year, today.Month, 1);
        var last = First.AddMonths(1).AddDays(-1);
        Today = today;
        Weeks = MonthWeeks(First);
        var english = Languages.Current == Languages.English;

        var audits = (await auditAccess.AuditsAsync(User, cancellationToken)).AsNoTracking().Where(a => a.WindowStart <= last && a.WindowEnd >= First && a.Status != AuditStatus.Cancelled);
        if (Department is { } department)
        {
            audits = audits.Where(a => a.DepartmentIds.Contains(department) || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && c.OwningDepartmentId == department));
        }

        if (Auditor is { } auditor)
        {
            audits = audits.Where(a => a.LeadAuditorId == auditor || a.Team.Any(m => m.UserId == auditor));
        }

        Entries = await audits.Select(a => new Entry(a.WindowStart, a.WindowEnd, "audit", a.Title, "/Audits/Report", a.Id)).ToListAsync(cancellationToken);
        if (Auditor is null)
        {
            var inspections = (await inspectionAccess.VisibleAsync(User, cancellationToken)).AsNoTracking()
                .Where(i => i.DueOn >= First && i.DueOn <= last && i.Status != InspectionStatus.Accepted);
            if (Department is { } inspected)
            {
                inspections = inspections.Where(i => i.DepartmentId == inspected);
            }

            Entries.AddRange(await inspections.Take(500)
                .Select(i => new Entry(i.DueOn, i.DueOn, "inspection", (english ? i.Department.NameEn : i.Department.NameJa) + " · " + (english ? i.CatalogVersion.TitleEn : i.CatalogVersion.TitleJa),
                    "/Inspections/Answer", i.Id))
                .ToListAsync(cancellationToken));
        }

        Entries = Entries.OrderBy(e => e.Start).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
        if (AuditAccess.SeesAll(User))
        {
            Departments = (await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null).OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Code, Name = english ? d.NameEn : d.NameJa }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Code + " " + d.Name)).ToList();
            var leads = db.Audits.Select(a => a.LeadAuditorId).Union(db.AuditTeamMembers.Select(m => m.UserId));
            Auditors = (await db.Users.AsNoTracking().Where(u => leads.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        TempData["FeedToken"] = await calendar.RegenerateAsync(DepartmentScope.UserId(User)!.Value, cancellationToken);
        TempData["Message"] = l["Audits.FeedRegenerated"].Value;
        return RedirectToPage("Calendar");
    }

    /// <summary>The Monday-first weeks that cover the month of <paramref name="first"/>.</summary>
    public static List<List<DateOnly>> MonthWeeks(DateOnly first)
    {
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var weeks = new List<List<DateOnly>>();
        for (var monday = start; monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(monday.AddDays).ToList());
        }

        return weeks;
    }

    public IEnumerable<Entry> On(DateOnly day) => day.Month == First.Month ? Entries.Where(e => e.Start <= day && e.End >= day) : [];

    public string MonthParameter(int offset) => First.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
