using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// The current measures against ISO/IEC 27001:2022 Annex A themes, and back (control → measures).
/// Any signed-in user.
/// </summary>
public class MappingModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Code, string Title, List<string> Controls);

    public List<Row> Measures { get; private set; } = [];

    /// <summary>Annex A control → the current measures mapped to it; only controls that some measure maps to.</summary>
    public List<(Iso27001.Control Control, List<Row> Measures)> Controls { get; private set; } = [];

    public static readonly string[] Themes = [Iso27001.Organisational, Iso27001.People, Iso27001.Physical, Iso27001.Technological];

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        var latest = db.CatalogVersions.Where(v => v.Number == db.CatalogVersions.Where(o => o.CatalogId == v.CatalogId).Max(o => o.Number));
        Measures = await db.Measures.AsNoTracking()
            .Where(m => latest.Any(v => v.Id == m.CatalogVersionId))
            .OrderBy(m => m.CatalogVersion.Catalog.Key).ThenBy(m => m.SortOrder)
            .Select(m => new Row(m.Id, m.Code, language == "en" ? m.TitleEn : m.TitleJa, m.Iso27001))
            .ToListAsync();
        Controls = Iso27001.Controls
            .Select(c => (c, Measures.Where(m => m.Controls.Contains(c.Id)).ToList()))
            .Where(pair => pair.Item2.Count > 0)
            .ToList();
    }

    public static string ThemeOf(string id) => Iso27001.Find(id)?.Theme ?? "";
}
