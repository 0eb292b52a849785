using System.Security.Claims;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The ledger at a glance for the dashboard: per department, its data sets, those with special-care
/// data, those handled abroad (a country other than Japan) and those overdue for their annual
/// review. Scoped as the ledger itself (LedgerAccess): a department head sees their own department.
/// </summary>
public sealed class LedgerSummary(LedgerAccess access)
{
    public sealed record Row(Guid DepartmentId, string Code, string NameJa, string NameEn, int Entries, int SpecialCare, int Abroad, int OverdueReviews);

    public sealed record Summary(IReadOnlyList<Row> Departments)
    {
        public int Entries => Departments.Sum(d => d.Entries);
        public int SpecialCare => Departments.Sum(d => d.SpecialCare);
        public int Abroad => Departments.Sum(d => d.Abroad);
        public int OverdueReviews => Departments.Sum(d => d.OverdueReviews);
    }

    public async Task<Summary> ForAsync(ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken = default)
    {
        var yearAgo = today.AddYears(-1);
        var entries = await (await access.VisibleAsync(user, cancellationToken)).AsNoTracking()
            .Select(e => new
            {
                e.DepartmentId,
                e.Department.Code,
                e.Department.NameJa,
                e.Department.NameEn,
                e.SpecialCareData,
                e.Countries,
                Overdue = e.LastReviewedOn == null || e.LastReviewedOn < yearAgo,
            })
            .ToListAsync(cancellationToken);
        return new Summary(entries.GroupBy(e => (e.DepartmentId, e.Code, e.NameJa, e.NameEn))
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new Row(g.Key.DepartmentId, g.Key.Code, g.Key.NameJa, g.Key.NameEn, g.Count(),
                g.Count(e => e.SpecialCareData), g.Count(e => e.Countries.Any(c => c != LedgerEntry.HomeCountry)), g.Count(e => e.Overdue)))
            .ToList());
    }
}
