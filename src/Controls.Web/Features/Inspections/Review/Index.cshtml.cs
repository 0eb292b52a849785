using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections.Review;

/// <summary>
/// The review queue (審査待ち): submitted inspections across departments, oldest submission first,
/// filterable by department and exported (CSV, Excel) exactly as filtered. Compliance officers.
/// </summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Limit = 500;

    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed record Row(
        Guid Id, string CatalogJa, string CatalogEn, string DepartmentJa, string DepartmentEn, string? Contractor,
        DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, DateTimeOffset? SubmittedAt, string? SubmittedBy, bool Resubmitted);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await DepartmentTree.FilterChoicesAsync(db, cancellationToken);
        var submitted = Filtered();
        Total = await submitted.CountAsync(cancellationToken);
        Rows = await Project(submitted.Take(Limit)).ToListAsync(cancellationToken);
    }

    /// <summary>CSV or Excel of every inspection in the queue the filter shows, in the queue's order and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        XlsxColumn[] columns =
        [
            new(l["Review.SubmittedAt"], 17, XlsxKind.DateTime), new(l["Field.Department"], 22), new(l["Inspections.Contractor"], 20),
            new(l["Inspections.Checklist"], 30), new(l["Export.PeriodStart"], 12, XlsxKind.Date), new(l["Export.PeriodEnd"], 12, XlsxKind.Date),
            new(l["Field.DueOn"], 12, XlsxKind.Date), new(l["Review.SubmittedByColumn"], 18), new(l["Review.Resubmitted"], 10),
        ];
        var resubmitted = l["Review.Resubmitted"].Value;
        var rows = Project(Filtered()).AsAsyncEnumerable().Select(r => new object?[]
        {
            ListExport.Local(clock, r.SubmittedAt), CatalogText.Pick(language, r.DepartmentJa, r.DepartmentEn), r.Contractor,
            CatalogText.Pick(language, r.CatalogJa, r.CatalogEn), r.PeriodStart, r.PeriodEnd, r.DueOn, r.SubmittedBy, r.Resubmitted ? resubmitted : null,
        });
        return await ListExport.WriteAsync(this, format, "review-queue", l["Review.Queue"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The submitted inspections the filter shows, oldest submission first (the page and its export).</summary>
    private IQueryable<Inspection> Filtered()
    {
        var submitted = db.Inspections.AsNoTracking().Where(i => i.Status == InspectionStatus.Submitted);
        if (Department is { } department)
        {
            submitted = submitted.Where(i => i.DepartmentId == department);
        }

        return submitted.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id);
    }

    private IQueryable<Row> Project(IQueryable<Inspection> inspections) => inspections
        .Select(i => new Row(
            i.Id, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn, i.Department.NameJa, i.Department.NameEn,
            i.Contractor == null ? null : i.Contractor.Name,
            i.PeriodStart, i.PeriodEnd, i.DueOn, i.SubmittedAt,
            db.Users.Where(u => u.Id == i.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
            i.Events.Any(e => e.Kind == InspectionEventKind.Returned)));
}
