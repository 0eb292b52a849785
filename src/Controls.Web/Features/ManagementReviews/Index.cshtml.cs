using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>
/// The management reviews (マネジメントレビュー), newest first, each with how many of its outputs are
/// still open. Management, compliance officers and auditors read them (PageAccess); management and
/// compliance officers record them.
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, ManagementReviewKind Kind, DateOnly HeldOn, DateOnly PeriodStart, DateOnly PeriodEnd, string Chair, int Outputs, int Open);

    public List<Row> Rows { get; private set; } = [];
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayRecord = PageAccess.MayRecordManagementReviews(User);
        var reviews = await db.ManagementReviews.AsNoTracking()
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id,
                r.Kind,
                r.HeldOn,
                r.PeriodStart,
                r.PeriodEnd,
                r.Chair,
                Outputs = r.Outputs.Select(o => new { o.Kind, Status = o.CorrectiveAction == null ? (CorrectiveActionStatus?)null : o.CorrectiveAction.Status }).ToList(),
            })
            .Take(500)
            .ToListAsync(cancellationToken);
        Rows = reviews.Select(r => new Row(r.Id, r.Kind, r.HeldOn, r.PeriodStart, r.PeriodEnd, r.Chair, r.Outputs.Count,
            r.Outputs.Count(o => ManagementReviewOutput.IsOpen(o.Kind, o.Status)))).ToList();
    }
}
