using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// What a department's ledger says about its inspection's measures: the countries other than
/// Japan where its data sets are handled (they make EXT-1, understanding the foreign environment,
/// applicable: "not applicable" is refused on its items) and its entries overdue for their annual
/// review (shown as context on the ORG-3 items).
/// </summary>
public sealed class LedgerMeasureContext(AppDbContext db)
{
    /// <summary>Understanding the foreign environment (外的環境の把握).</summary>
    public const string ForeignEnvironmentMeasure = "EXT-1";

    /// <summary>Means to check handling: the ledger itself.</summary>
    public const string LedgerMeasure = "ORG-3";

    public const string HomeCountry = "JP";

    public sealed record OverdueEntry(Guid Id, string Name, DateOnly? LastReviewedOn);

    public sealed record Context(IReadOnlyList<string> CountriesAbroad, IReadOnlyList<OverdueEntry> OverdueReviews);

    /// <summary>The countries other than Japan in the department's ledger entries, sorted, each once.</summary>
    public async Task<IReadOnlyList<string>> CountriesAbroadAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        var lists = await db.LedgerEntries.AsNoTracking().Where(e => e.DepartmentId == departmentId)
            .Select(e => e.Countries).ToListAsync(cancellationToken);
        return lists.SelectMany(c => c).Where(c => c != HomeCountry).Distinct().Order(StringComparer.Ordinal).ToList();
    }

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

    /// <summary>The department's ledger forbids "not applicable" on this measure's items.</summary>
    public static bool ForbidsNotApplicable(string measureCode, IReadOnlyList<string> countriesAbroad) =>
        measureCode == ForeignEnvironmentMeasure && countriesAbroad.Count > 0;
}
