using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The catalog measures a risk assessment links to: those of the current (latest) version of each
/// APPI catalog (the security control measures and the supervision of contractors). Links already
/// made keep pointing at the version they were made with (versions never change), so their code
/// and title are read by id from any version.
/// </summary>
public sealed class RiskMeasures(AppDbContext db)
{
    public const string CatalogKeyPrefix = "appi-";

    /// <summary>Listed first: the security control measures (the contractor supervision measures follow).</summary>
    public const string SecurityMeasuresKey = "appi-security-measures";

    public sealed record Choice(Guid Id, string Code, string TitleJa, string TitleEn)
    {
        public string Title(string language) => language == "en" ? TitleEn : TitleJa;

        public string Label(string language) => $"{Code} {Title(language)}";
    }

    /// <summary>The measures of the current version of every APPI catalog, by catalog then by the catalog's order.</summary>
    public async Task<List<Choice>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var versions = await db.Catalogs.AsNoTracking().Where(c => c.Key.StartsWith(CatalogKeyPrefix))
            .OrderBy(c => c.Key == SecurityMeasuresKey ? 0 : 1).ThenBy(c => c.Key)
            .Select(c => c.Versions.OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefault())
            .ToListAsync(cancellationToken);
        var ids = versions.Where(v => v is not null).Select(v => v!.Value).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => ids.Contains(m.CatalogVersionId))
            .Select(m => new { m.CatalogVersionId, m.SortOrder, Choice = new Choice(m.Id, m.Code, m.TitleJa, m.TitleEn) })
            .ToListAsync(cancellationToken);
        return measures.OrderBy(m => ids.IndexOf(m.CatalogVersionId)).ThenBy(m => m.SortOrder).ThenBy(m => m.Choice.Code, StringComparer.Ordinal)
            .Select(m => m.Choice).ToList();
    }

    /// <summary>Every measure of every catalog version by id (a few hundred rows: for an export that may link to any of them).</summary>
    public Task<Dictionary<Guid, Choice>> AllAsync(CancellationToken cancellationToken = default) =>
        db.Measures.AsNoTracking().Select(m => new Choice(m.Id, m.Code, m.TitleJa, m.TitleEn)).ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>The linked measures by id (from whichever version they belong to).</summary>
    public async Task<Dictionary<Guid, Choice>> ByIdAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await db.Measures.AsNoTracking().Where(m => wanted.Contains(m.Id))
            .Select(m => new Choice(m.Id, m.Code, m.TitleJa, m.TitleEn)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }
}
