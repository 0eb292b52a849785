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

namespace Controls.Web.Features.Reports;

/// <summary>
/// The answers (回答) of the inspections the user may see (InspectionAccess: a division head's
/// departments below theirs too, filterable to one of them), one row per answer:
/// department, inspection period, measure, check item, answer, comment and the number of evidence
/// files; filtered by period (<see cref="ReportPeriod"/>: inspections whose period starts in it),
/// department, measure and answer. CSV and Excel of exactly the rows shown.
/// </summary>
public class AnswersModel(AppDbContext db, InspectionAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public AnswerValue? Value { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>More than one department to see (every one, or a division head's): the department filter is offered.</summary>
    public bool ShowsDepartments { get; private set; }
    public bool PeriodWasInvalid { get; private set; }
    public ReportPeriod SelectedPeriod { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed record Row(
        Guid InspectionId, string DepartmentCode, string DepartmentJa, string DepartmentEn, DateOnly PeriodStart, DateOnly PeriodEnd,
        string MeasureCode, string MeasureJa, string MeasureEn, string ItemCode, string QuestionJa, string QuestionEn,
        AnswerValue? Value, string Comment, int EvidenceCount);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var rows = await Project(query).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>CSV or Excel of every answer the current filters show (all pages).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var en = Languages.Current == Languages.English;
        var values = Enum.GetValues<AnswerValue>().ToDictionary(v => v, v => l["AnswerValue." + v].Value);
        var rows = Project(query).AsAsyncEnumerable().Select(a => new object?[]
        {
            a.DepartmentCode, en ? a.DepartmentEn : a.DepartmentJa, a.PeriodStart, a.PeriodEnd, a.MeasureCode, en ? a.MeasureEn : a.MeasureJa,
            a.ItemCode, en ? a.QuestionEn : a.QuestionJa, a.Value is { } v ? values[v] : null, a.Comment, a.EvidenceCount,
        });
        XlsxColumn[] columns =
        [
            new(l["Export.DepartmentCode"], 10), new(l["Workbook.Department"], 22), new(l["Workbook.PeriodStart"], 12, XlsxKind.Date),
            new(l["Workbook.PeriodEnd"], 12, XlsxKind.Date), new(l["Workbook.MeasureId"], 10), new(l["Workbook.Measure"], 30), new(l["Workbook.ItemId"], 10),
            new(l["Workbook.Question"], 50), new(l["Workbook.Answer"], 10), new(l["Workbook.Comment"], 40), new(l["Workbook.EvidenceCount"], 10),
        ];
        return await ListExport.WriteAsync(this, format, "answers-" + SelectedPeriod.Key, l["AnswersList.Title"], columns, rows, clock, cancellationToken);
    }

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["Period"] = SelectedPeriod.Key,
        ["Department"] = Department?.ToString() ?? "",
        ["Measure"] = Measure ?? "",
        ["Value"] = Value?.ToString() ?? "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private IQueryable<Row> Project(IQueryable<Answer> query) =>
        query.OrderBy(a => a.Inspection.PeriodStart).ThenBy(a => a.Inspection.Department.Code).ThenBy(a => a.InspectionId)
            .ThenBy(a => a.CheckItem.Measure.SortOrder).ThenBy(a => a.CheckItem.SortOrder).ThenBy(a => a.Id)
            .Select(a => new Row(
                a.InspectionId, a.Inspection.Department.Code, a.Inspection.Department.NameJa, a.Inspection.Department.NameEn,
                a.Inspection.PeriodStart, a.Inspection.PeriodEnd, a.CheckItem.Measure.Code, a.CheckItem.Measure.TitleJa, a.CheckItem.Measure.TitleEn,
                a.CheckItem.Code, a.CheckItem.QuestionJa, a.CheckItem.QuestionEn, a.Value, a.Comment, db.Evidence.Count(e => e.AnswerId == a.Id)));

    /// <summary>The answers of the inspections this user may see, narrowed by the filters.</summary>
    private async Task<IQueryable<Answer>> FilteredAsync(CancellationToken cancellationToken)
    {
        var departments = await access.DepartmentsAsync(User, cancellationToken);
        ShowsDepartments = departments.Several;
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        if (ReportPeriod.TryParse(Period, fiscalStart, out var period))
        {
            SelectedPeriod = period;
        }
        else
        {
            PeriodWasInvalid = !string.IsNullOrWhiteSpace(Period);
            SelectedPeriod = ReportPeriod.CurrentFiscalYear(DateOnly.FromDateTime(clock.Now.DateTime), fiscalStart);
        }

        var start = SelectedPeriod.Start;
        var end = SelectedPeriod.End;
        var inspections = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking()
            .Where(i => i.PeriodStart >= start && i.PeriodStart <= end);
        if (ShowsDepartments)
        {
            Departments = await DepartmentTree.FilterChoicesAsync(db, departments.All ? null : departments.Ids, cancellationToken);
            if (Department is { } department)
            {
                inspections = inspections.Where(i => i.DepartmentId == department);
            }
        }

        var query = inspections.SelectMany(i => i.Answers);
        Measure = string.IsNullOrWhiteSpace(Measure) ? null : Measure.Trim()[..Math.Min(Measure.Trim().Length, 50)];
        if (Measure is { } measure)
        {
            query = query.Where(a => a.CheckItem.Measure.Code == measure);
        }

        if (Value is { } value)
        {
            query = query.Where(a => a.Value == value);
        }

        return query;
    }
}
