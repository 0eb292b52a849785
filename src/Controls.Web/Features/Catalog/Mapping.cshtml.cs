using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// The current measures against ISO/IEC 27001:2022 Annex A themes, and back (control → measures);
/// then the measures that map to the APPI measures (e.g. the PMS catalog's), and back. Any signed-in user.
/// </summary>
public class MappingModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string CatalogKey, string Code, string Title, List<string> Controls, List<string> Appi);

    /// <summary>A measure of the latest version of a built-in APPI catalog, to link to.</summary>
    public sealed record AppiMeasure(Guid Id, string Code, string Title);

    public List<Row> Measures { get; private set; } = [];

    /// <summary>Annex A control → the current measures mapped to it; only controls that some measure maps to.</summary>
    public List<(Iso27001.Control Control, List<Row> Measures)> Controls { get; private set; } = [];

    /// <summary>The measures that map to APPI measures (<c>appi</c>), in catalog order.</summary>
    public List<Row> ToAppi { get; private set; } = [];

    /// <summary>APPI measure → the current measures of other catalogs mapped to it; only those some measure maps to.</summary>
    public List<(AppiMeasure Measure, List<Row> Measures)> FromAppi { get; private set; } = [];

    /// <summary>The APPI measures by code (those imported), for titles and links.</summary>
    public Dictionary<string, AppiMeasure> Appi { get; private set; } = [];

    public static readonly string[] Themes = [Iso27001.Organisational, Iso27001.People, Iso27001.Physical, Iso27001.Technological];

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        var latest = db.CatalogVersions.Where(v => v.Number == db.CatalogVersions.Where(o => o.CatalogId == v.CatalogId).Max(o => o.Number));
        var all = await db.Measures.AsNoTracking()
            .Where(m => latest.Any(v => v.Id == m.CatalogVersionId))
            .OrderBy(m => m.CatalogVersion.Catalog.Key).ThenBy(m => m.SortOrder)
            .Select(m => new Row(m.Id, m.CatalogVersion.Catalog.Key, m.Code, language == "en" ? m.TitleEn : m.TitleJa, m.Iso27001, m.Appi))
            .ToListAsync();
        Measures = all.Where(m => m.Controls.Count > 0).ToList();
        Controls = Iso27001.Controls
            .Select(c => (c, Measures.Where(m => m.Controls.Contains(c.Id)).ToList()))
            .Where(pair => pair.Item2.Count > 0)
            .ToList();

        Appi = all.Where(m => m.CatalogKey == AppiMeasures.CatalogOf(m.Code) && AppiMeasures.Ids.Contains(m.Code))
            .ToDictionary(m => m.Code, m => new AppiMeasure(m.Id, m.Code, m.Title));
        ToAppi = all.Where(m => m.Appi.Count > 0).ToList();
        FromAppi = AppiMeasures.Ids
            .Select(code => (Appi.GetValueOrDefault(code) ?? new AppiMeasure(Guid.Empty, code, ""), ToAppi.Where(m => m.Appi.Contains(code)).ToList()))
            .Where(pair => pair.Item2.Count > 0)
            .ToList();
    }

    public static string ThemeOf(string id) => Iso27001.Find(id)?.Theme ?? "";
}
