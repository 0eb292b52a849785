using System.Text.Json;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Dashboard;

/// <summary>
/// Management's view of the programme (ダッシュボード): the compliance heatmap for a period with the
/// change against the one before, inspections on time / late / overdue / not started, open and
/// overdue corrective actions, contractors due for review and the 12-period trend. The filters
/// (division, department, catalog, period) are carried in the URL. Management, compliance
/// officers, auditors and administrators see every department; a department head sees their own and
/// the departments below it (DepartmentScope), with the department filter over those.
/// </summary>
public class IndexModel(AppDbContext db, DepartmentScope scope, ComplianceReport report, ManagementReviewWorkbook workbook, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Division { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Catalog { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public bool SeesAll { get; private set; }
    public ReportPeriod SelectedPeriod { get; private set; } = null!;
    public bool PeriodWasInvalid { get; private set; }
    public ComplianceReport.Figures Figures { get; private set; } = null!;
    public List<(Guid Id, string Name)> Divisions { get; private set; } = [];
    public List<(Guid Id, string Name)> DepartmentChoices { get; private set; } = [];
    public List<(Guid Id, string Name)> Catalogs { get; private set; } = [];
    public List<ReportPeriod> PeriodChoices { get; private set; } = [];
    public string TrendJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = await FilterAsync(cancellationToken);
        Figures = await report.RunAsync(filter, cancellationToken: cancellationToken);
        await LoadChoicesAsync(cancellationToken);
        TrendJson = JsonSerializer.Serialize(new
        {
            labels = Figures.Trend.Select(t => t.Period),
            values = Figures.Trend.Select(t => t.Score),
            label = l["Dashboard.Trend.Label"].Value,
        });
        return Page();
    }

    /// <summary>The management-review workbook for the period and filters shown.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken cancellationToken)
    {
        var filter = await FilterAsync(cancellationToken);
        await workbook.SendAsync(Response, filter, cancellationToken);
        return new EmptyResult();
    }

    public Dictionary<string, string> Route(string? period = null) => new()
    {
        ["division"] = Division?.ToString() ?? "",
        ["department"] = Department?.ToString() ?? "",
        ["catalog"] = Catalog?.ToString() ?? "",
        ["period"] = period ?? SelectedPeriod.Key,
    };

    /// <summary>The departments a department head sees (null for those who see every department).</summary>
    private IReadOnlySet<Guid>? visible;

    /// <summary>The departments this reader sees (null: every department), for the sections that load their own figures.</summary>
    public IReadOnlySet<Guid>? VisibleDepartments => visible;

    private async Task<ReportFilter> FilterAsync(CancellationToken cancellationToken)
    {
        var departments = await scope.VisibleAsync(User, cancellationToken);
        SeesAll = departments.All;
        visible = SeesAll ? null : departments.Ids;
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (ReportPeriod.TryParse(Period, fiscalStart, out var period))
        {
            SelectedPeriod = period;
        }
        else
        {
            PeriodWasInvalid = !string.IsNullOrWhiteSpace(Period);
            SelectedPeriod = ReportPeriod.CurrentFiscalYear(today, fiscalStart);
        }

        IReadOnlyCollection<Guid>? only = null;
        if (!SeesAll)
        {
            // A department head (the only other role let in) is confined to their department and those below it;
            // a division head may narrow to one of them.
            only = [.. visible!];
            Division = null;
            Department = Department is { } chosen && visible!.Contains(chosen) && visible.Count > 1 ? chosen : null;
        }

        return new ReportFilter(SelectedPeriod, Division, Department, Catalog, only);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var year = ReportPeriod.FiscalYearOf(today, fiscalStart);
        for (var y = year; y > year - 4; y--)
        {
            PeriodChoices.Add(ReportPeriod.FiscalYear(y, fiscalStart));
        }

        for (var q = 4; q >= 1; q--)
        {
            PeriodChoices.Add(ReportPeriod.Quarter(year, q, fiscalStart));
        }

        var month = ReportPeriod.Month(today.Year, today.Month);
        for (var i = 0; i < 12; i++)
        {
            PeriodChoices.Add(month);
            month = month.Previous(fiscalStart);
        }

        if (PeriodChoices.All(p => p.Key != SelectedPeriod.Key))
        {
            PeriodChoices.Insert(0, SelectedPeriod);
        }

        if (!SeesAll && visible!.Count <= 1)
        {
            return;
        }

        var shown = visible;
        var departments = await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null && (shown == null || shown.Contains(d.Id))).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn, d.ParentId, HasChildren = d.Children.Any() })
            .ToListAsync(cancellationToken);
        string Name(string code, string ja, string en) => code + " " + (language == Languages.English ? en : ja);
        Divisions = departments.Where(d => SeesAll && d.ParentId == null && d.HasChildren).Select(d => (d.Id, Name(d.Code, d.NameJa, d.NameEn))).ToList();
        DepartmentChoices = departments.Select(d => (d.Id, Name(d.Code, d.NameJa, d.NameEn))).ToList();
        Catalogs = (await db.Catalogs.AsNoTracking().OrderBy(c => c.Key)
                .Select(c => new { c.Id, c.Key, Latest = c.Versions.OrderByDescending(v => v.Number).Select(v => new { v.TitleJa, v.TitleEn }).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Latest == null ? c.Key : language == Languages.English ? c.Latest.TitleEn : c.Latest.TitleJa)).ToList();
    }
}
