using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>Browse the catalogs' current versions by category and measure, with search. Any signed-in user.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Catalog { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    /// <summary>"simplified": only the check items of the simplified variant (small business); anything else: every item (standard).</summary>
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }

    public bool Simplified => Variant == "simplified";

    public List<CatalogRow> Catalogs { get; private set; } = [];
    public CatalogRow? Current { get; private set; }
    public List<MeasureRow> Measures { get; private set; } = [];

    public sealed record CatalogRow(string Key, Guid VersionId, int Number, string Label, string Title, string Target, bool IsBuiltIn, DateTimeOffset ImportedAt, string Guideline);

    public sealed record MeasureRow(Guid Id, string Code, string Category, string Title, string Recurrence, int Items, List<string> MatchingQuestions);

    public async Task<IActionResult> OnGetAsync()
    {
        var language = Languages.Current;
        // Each catalog's latest version (a join, not a per-row subquery: SQLite has no APPLY).
        Catalogs = await (
                from c in db.Catalogs.AsNoTracking()
                join v in db.CatalogVersions.AsNoTracking() on c.Id equals v.CatalogId
                where v.Number == db.CatalogVersions.Where(o => o.CatalogId == c.Id).Max(o => o.Number)
                orderby c.IsBuiltIn descending, c.Target == CatalogTarget.Departments ? 0 : 1, c.Key
                select new CatalogRow(c.Key, v.Id, v.Number, v.Label, language == "en" ? v.TitleEn : v.TitleJa, c.Target, c.IsBuiltIn, v.ImportedAt, v.Guideline))
            .ToListAsync();
        if (Catalogs.Count == 0)
        {
            return Page();
        }

        Current = Catalogs.FirstOrDefault(c => c.Key == Catalog) ?? Catalogs[0];
        var simplified = Simplified;
        var query = db.Measures.AsNoTracking().Where(m => m.CatalogVersionId == Current.VersionId);
        if (simplified)
        {
            query = query.Where(m => m.Items.Any(i => i.SmallBusiness));
        }

        if (!string.IsNullOrEmpty(Category))
        {
            query = query.Where(m => m.Category == Category);
        }

        // Case-insensitive on both providers (SQLite's lower() is Unicode-aware here: SqliteFunctions).
        var pattern = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim().ToLowerInvariant();
        if (pattern is not null)
        {
            query = query.Where(m => m.Code.ToLower().Contains(pattern) || m.TitleJa.ToLower().Contains(pattern) || m.TitleEn.ToLower().Contains(pattern)
                || m.Items.Any(i => (!simplified || i.SmallBusiness) && (i.QuestionJa.ToLower().Contains(pattern) || i.QuestionEn.ToLower().Contains(pattern) || i.Code.ToLower().Contains(pattern))));
        }

        Measures = await query.OrderBy(m => m.SortOrder)
            .Select(m => new MeasureRow(m.Id, m.Code, m.Category, language == "en" ? m.TitleEn : m.TitleJa, m.Recurrence, m.Items.Count(i => !simplified || i.SmallBusiness),
                pattern == null ? new List<string>() : m.Items.Where(i => (!simplified || i.SmallBusiness) && (i.QuestionJa.ToLower().Contains(pattern) || i.QuestionEn.ToLower().Contains(pattern) || i.Code.ToLower().Contains(pattern)))
                    .OrderBy(i => i.SortOrder).Select(i => i.Code + " " + (language == "en" ? i.QuestionEn : i.QuestionJa)).ToList()))
            .ToListAsync();
        return Page();
    }
}
