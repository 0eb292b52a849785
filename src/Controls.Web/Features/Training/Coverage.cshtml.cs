using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// HUM-1 coverage per department (trained within 12 months, pledges on file, who is overdue),
/// filterable by department and exported (CSV, Excel) exactly as filtered. Which departments a
/// user sees is <see cref="DepartmentScope"/>'s: compliance officers and administrators every one, a
/// department head their own and (a division head) those below it, filterable to one of them.
/// </summary>
public class CoverageModel(AppDbContext db, TrainingCoverage coverage, DepartmentScope scope, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }

    public DateOnly Since { get; private set; }
    /// <summary>More than one department to see: the department filter is offered.</summary>
    public bool ShowsDepartments { get; private set; }
    public List<(Guid Id, string Name)> DepartmentChoices { get; private set; } = [];
    public List<TrainingCoverage.Department> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await FilteredAsync(cancellationToken);
    }

    /// <summary>CSV or Excel of the coverage table the filter shows, in its order and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var departments = await FilteredAsync(cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Field.Department"], 26), new(l["Training.ActiveUsers"], 10), new(l["Export.TrainedCount"], 10),
            new(l["Export.TrainedShare"], 10, XlsxKind.Percent), new(l["Export.PledgedCount"], 10),
        ];
        var rows = departments.Select(d => new object?[] { $"{d.Code} {d.Name}", d.Active, d.Trained, d.TrainedShare, d.Pledged }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "training-coverage", l["Training.Coverage"], columns, rows, clock, cancellationToken);
    }

    /// <summary>
    /// CSV or Excel of the people who still must (the page's second table, as filtered): who has not
    /// attended training within 12 months, who attended but has not passed its test, and who has no pledge.
    /// </summary>
    public async Task<IActionResult> OnGetExportDueAsync(string? format, CancellationToken cancellationToken)
    {
        var departments = await FilteredAsync(cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Field.Department"], 26), new(l["Roster.EmployeeNumber"], 12), new(l["Training.Person"], 20), new(l["Training.Email"], 28),
            new(l["Training.LastTrained"], 12), new(l["Coverage.Status"], 22), new(l["Training.Pledge"], 10),
        ];
        var rows = departments.SelectMany(d => d.Overdue.Select(p => new object?[]
        {
            $"{d.Code} {d.Name}", p.EmployeeNumber, p.Name, p.Email,
            p.LastTrainedOn?.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            p.NotPassed(Since) ? l["Coverage.AttendedNotPassed"].Value : p.Trained(Since) ? l["Coverage.Trained"].Value : l["Training.TrainingOverdue"].Value,
            p.Pledged ? l["Ledger.Yes"].Value : l["Training.PledgeMissing"].Value,
        })).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "training-due", l["Training.Overdue"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The departments this user may see, narrowed by the filter (the page and its export).</summary>
    private async Task<List<TrainingCoverage.Department>> FilteredAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Since = TrainingCoverage.Since(today);
        var visible = await scope.VisibleAsync(User, cancellationToken);
        ShowsDepartments = visible.Several;
        if (ShowsDepartments)
        {
            DepartmentChoices = await DepartmentTree.FilterChoicesAsync(db, visible.All ? null : visible.Ids, cancellationToken);
        }

        // One department when the filter names one this user sees (any department for those who see all:
        // an unknown one shows nothing); otherwise every department they see.
        IReadOnlySet<Guid>? only = visible.All
            ? Department is { } any ? new HashSet<Guid> { any } : null
            : Department is { } asked && visible.Includes(asked) ? new HashSet<Guid> { asked } : visible.Ids;
        return await coverage.ForAsync(only, today, Languages.Current, cancellationToken);
    }
}
