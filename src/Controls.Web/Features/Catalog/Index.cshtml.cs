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

    public List<CatalogRow> Catalogs { get; private set; } = [];
    public CatalogRow? Current { get; private set; }
    public List<MeasureRow> Measures { get; private set; } = [];

    public sealed record CatalogRow(string Key, Guid VersionId, int Number, string Label, string Title, string Target, bool IsBuiltIn, DateTimeOffset ImportedAt, string Guideline);

    public sealed record MeasureRow(Guid Id, string Code, string Category, string Title, string Recurrence, int Items, List<string> MatchingQuestions);

    public async Task<IActionResult> OnGetAsync()
    {
        var language = Languages.Current;
        Catalogs = await db.Catalogs.AsNoTracking()
            .OrderByDescending(c => c.IsBuiltIn).ThenBy(c => c.Target == CatalogTarget.Departments ? 0 : 1).ThenBy(c => c.Key)
            .Select(c => c.Versions.OrderByDescending(v => v.Number)
                .Select(v => new CatalogRow(c.Key, v.Id, v.Number, v.Label, language == "en" ? v.TitleEn : v.TitleJa, c.Target, c.IsBuiltIn, v.ImportedAt, v.Guideline))
                .First())
            .ToListAsync();
        if (Catalogs.Count == 0)
        {
            return Page();
        }

        Current = Catalogs.FirstOrDefault(c => c.Key == Catalog) ?? Catalogs[0];
        var query = db.Measures.AsNoTracking().Where(m => m.CatalogVersionId == Current.VersionId);
        if (!string.IsNullOrEmpty(Category))
        {
            query = query.Where(m => m.Category == Category);
        }

        var pattern = string.IsNullOrWhiteSpace(Search) ? null : "%" + Like(Search.Trim()) + "%";
        if (pattern is not null)
        {
            query = query.Where(m => EF.Functions.ILike(m.Code, pattern) || EF.Functions.ILike(m.TitleJa, pattern) || EF.Functions.ILike(m.TitleEn, pattern)
                || m.Items.Any(i => EF.Functions.ILike(i.QuestionJa, pattern) || EF.Functions.ILike(i.QuestionEn, pattern) || EF.Functions.ILike(i.Code, pattern)));
        }

        Measures = await query.OrderBy(m => m.SortOrder)
            .Select(m => new MeasureRow(m.Id, m.Code, m.Category, language == "en" ? m.TitleEn : m.TitleJa, m.Recurrence, m.Items.Count,
                pattern == null ? new List<string>() : m.Items.Where(i => EF.Functions.ILike(i.QuestionJa, pattern) || EF.Functions.ILike(i.QuestionEn, pattern) || EF.Functions.ILike(i.Code, pattern))
                    .OrderBy(i => i.SortOrder).Select(i => i.Code + " " + (language == "en" ? i.QuestionEn : i.QuestionJa)).ToList()))
            .ToListAsync();
        return Page();
    }

    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
