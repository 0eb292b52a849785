using Controls.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Statement;

/// <summary>The line-by-line changes between two published versions, per language (by default the two latest).</summary>
public class DiffModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public List<DiffLine> Ja { get; private set; } = [];
    public List<DiffLine> En { get; private set; } = [];
    public bool Compared { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is null || To is null)
        {
            var latest = await db.StatementVersions.OrderByDescending(v => v.Number).Select(v => v.Number).Take(2).ToListAsync(cancellationToken);
            if (latest.Count < 2)
            {
                return Page();
            }

            (From, To) = (latest[1], latest[0]);
        }

        var versions = await db.StatementVersions.AsNoTracking()
            .Where(v => v.Number == From || v.Number == To)
            .Select(v => new { v.Number, v.TextJa, v.TextEn })
            .ToListAsync(cancellationToken);
        var before = versions.SingleOrDefault(v => v.Number == From);
        var after = versions.SingleOrDefault(v => v.Number == To);
        if (before is null || after is null)
        {
            return NotFound();
        }

        Ja = LineDiff.Compute(StatementDocument.Lines(before.TextJa), StatementDocument.Lines(after.TextJa));
        En = LineDiff.Compute(StatementDocument.Lines(before.TextEn), StatementDocument.Lines(after.TextEn));
        Compared = true;
        return Page();
    }
}
