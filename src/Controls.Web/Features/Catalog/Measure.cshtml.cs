using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// One measure of one catalog version: description, check items with guidance and evidence,
/// recurrence, ISO mapping, and what changed since the previous version. Any signed-in user.
/// </summary>
public class MeasureModel(AppDbContext db) : PageModel
{
    public Measure Measure { get; private set; } = null!;
    public CatalogVersion Version { get; private set; } = null!;
    public int LatestNumber { get; private set; }
    public Guid? LatestMeasureId { get; private set; }
    public List<(int Number, string Label, Guid MeasureId)> OtherVersions { get; private set; } = [];

    /// <summary>Null when this is the first version with this measure.</summary>
    public CatalogChanges? SincePrevious { get; private set; }
    public bool NewInThisVersion { get; private set; }

    /// <summary>The APPI measures this measure maps to, in the latest versions of the built-in APPI catalogs: code → (id, title).</summary>
    public Dictionary<string, (Guid Id, string Title)> Appi { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var measure = await db.Measures.AsNoTracking()
            .Include(m => m.Items.OrderBy(i => i.SortOrder))
            .Include(m => m.CatalogVersion).ThenInclude(v => v.Catalog)
            .SingleOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            return NotFound();
        }

        Measure = measure;
        Version = measure.CatalogVersion;
        var versions = await db.Measures.AsNoTracking()
            .Where(m => m.CatalogVersion.CatalogId == Version.CatalogId && m.Code == measure.Code)
            .OrderByDescending(m => m.CatalogVersion.Number)
            .Select(m => new { m.CatalogVersion.Number, m.CatalogVersion.Label, m.Id })
            .ToListAsync();
        OtherVersions = versions.Where(v => v.Id != id).Select(v => (v.Number, v.Label, v.Id)).ToList();
        LatestNumber = await db.CatalogVersions.Where(v => v.CatalogId == Version.CatalogId).MaxAsync(v => v.Number);
        LatestMeasureId = versions.FirstOrDefault(v => v.Number == LatestNumber)?.Id;

        var previous = await db.Measures.AsNoTracking()
            .Include(m => m.Items)
            .Include(m => m.CatalogVersion).ThenInclude(v => v.Catalog)
            .Where(m => m.CatalogVersion.CatalogId == Version.CatalogId && m.CatalogVersion.Number == Version.Number - 1 && m.Code == measure.Code)
            .SingleOrDefaultAsync();
        NewInThisVersion = previous is null && Version.Number > 1;
        if (previous is not null)
        {
            SincePrevious = CatalogChanges.Compare(Single(previous), Single(measure));
        }

        if (measure.Appi.Count > 0)
        {
            var language = Infrastructure.Localization.Languages.Current;
            var codes = measure.Appi;
            var catalogs = new[] { AppiMeasures.SecurityCatalog, AppiMeasures.ContractorCatalog };
            var rows = await db.Measures.AsNoTracking()
                .Where(m => codes.Contains(m.Code) && catalogs.Contains(m.CatalogVersion.Catalog.Key)
                    && m.CatalogVersion.Number == db.CatalogVersions.Where(o => o.CatalogId == m.CatalogVersion.CatalogId).Max(o => o.Number))
                .Select(m => new { m.Code, m.Id, Title = language == "en" ? m.TitleEn : m.TitleJa })
                .ToListAsync();
            Appi = rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Title));
        }

        return Page();
    }

    /// <summary>A one-measure document, to compare one measure across versions.</summary>
    private static CatalogDocument Single(Measure measure)
    {
        var version = new CatalogVersion { Catalog = measure.CatalogVersion.Catalog, Measures = [measure] };
        return CatalogVersions.ToDocument(version);
    }
}
