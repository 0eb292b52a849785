using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// What a department's ledger says about its inspection's measures, read for the answer sheet and
/// the submission: the countries other than Japan where its data sets are handled (they make EXT-1
/// applicable, <see cref="LedgerEntry.ForbidsNotApplicable"/>) and its entries overdue for their
/// annual review (shown as context on the ORG-3 items).
/// </summary>
public sealed class LedgerMeasureContext(AppDbContext db)
{
    public sealed record OverdueEntry(Guid Id, string Name, DateOnly? LastReviewedOn);

    public sealed record Context(IReadOnlyList<string> CountriesAbroad, IReadOnlyList<OverdueEntry> OverdueReviews);

    /// <summary>The countries other than Japan in the department's ledger entries, sorted, each once.</summary>
    public async Task<IReadOnlyList<string>> CountriesAbroadAsync(Guid departmentId, CancellationToken cancellationToken = default) =>
        LedgerEntry.CountriesAbroad(await db.LedgerEntries.AsNoTracking().Where(e => e.DepartmentId == departmentId)
            .Select(e => e.Countries).ToListAsync(cancellationToken));

    public async Task<Context> ForAsync(Guid departmentId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var yearAgo = today.AddYears(-1);
        var overdue = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.DepartmentId == departmentId && (e.LastReviewedOn == null || e.LastReviewedOn < yearAgo))
            .OrderBy(e => e.LastReviewedOn).ThenBy(e => e.Name)
            .Select(e => new OverdueEntry(e.Id, e.Name, e.LastReviewedOn))
            .ToListAsync(cancellationToken);
        return new Context(await CountriesAbroadAsync(departmentId, cancellationToken), overdue);
    }
}
