using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Statement;

/// <summary>One published version as it was published: both texts, countries, withheld measures, approver, warnings and reason.</summary>
public class VersionModel(AppDbContext db) : PageModel
{
    public StatementVersion Version { get; private set; } = null!;
    public StatementDocument Ja { get; private set; } = null!;
    public StatementDocument En { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        Ja = StatementDocument.FromJson("ja", version.ParagraphsJa);
        En = StatementDocument.FromJson("en", version.ParagraphsEn);
        return Page();
    }
}
