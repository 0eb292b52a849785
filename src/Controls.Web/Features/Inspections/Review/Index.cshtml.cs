using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections.Review;

/// <summary>The review queue (審査待ち): submitted inspections across departments, oldest submission first. Compliance officers.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int Limit = 500;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Row(
        Guid Id, string CatalogJa, string CatalogEn, string DepartmentJa, string DepartmentEn, string? Contractor,
        DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, DateTimeOffset? SubmittedAt, string? SubmittedBy, bool Resubmitted);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var submitted = db.Inspections.AsNoTracking().Where(i => i.Status == InspectionStatus.Submitted);
        Total = await submitted.CountAsync(cancellationToken);
        Rows = await submitted.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id).Take(Limit)
            .Select(i => new Row(
                i.Id, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn, i.Department.NameJa, i.Department.NameEn,
                i.Contractor == null ? null : i.Contractor.Name,
                i.PeriodStart, i.PeriodEnd, i.DueOn, i.SubmittedAt,
                db.Users.Where(u => u.Id == i.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                i.Events.Any(e => e.Kind == InspectionEventKind.Returned)))
            .ToListAsync(cancellationToken);
    }
}
