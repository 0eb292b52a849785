using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Statement;

/// <summary>
/// The organisation's wording of one measure in the statement (empty = the catalog's default
/// sentence) and whether it is withheld, with the reason. A measure of the current catalogs only;
/// concurrent edits are detected by the row version.
/// </summary>
public class MeasureModel(AppDbContext db, StatementDraft drafts, CurrentActor actor, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Statement.Field.WordingJa")]
        [StringLength(StatementMeasure.WordingLength, ErrorMessage = "Validation.MaxLength")]
        public string? WordingJa { get; set; }

        [Display(Name = "Statement.Field.WordingEn")]
        [StringLength(StatementMeasure.WordingLength, ErrorMessage = "Validation.MaxLength")]
        public string? WordingEn { get; set; }

        [Display(Name = "Statement.Field.Withheld")]
        public bool Withheld { get; set; }

        [Display(Name = "Statement.Field.WithheldReason")]
        [StringLength(StatementMeasure.ReasonLength, ErrorMessage = "Validation.MaxLength")]
        public string? WithheldReason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public DraftMeasure Measure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string catalog, string code)
    {
        if (await FindAsync(catalog, code) is not { } measure)
        {
            return NotFound();
        }

        Measure = measure;
        var row = await db.StatementMeasures.AsNoTracking().SingleOrDefaultAsync(s => s.CatalogKey == catalog && s.MeasureCode == code);
        Input = new InputModel
        {
            WordingJa = measure.WordingJa,
            WordingEn = measure.WordingEn,
            Withheld = measure.Withheld,
            WithheldReason = measure.WithheldReason,
        };
        Version = row?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string catalog, string code)
    {
        if (await FindAsync(catalog, code) is not { } measure)
        {
            return NotFound();
        }

        Measure = measure;
        var wordingJa = Clean(Input.WordingJa);
        var wordingEn = Clean(Input.WordingEn);
        var reason = Clean(Input.WithheldReason);
        if (Input.Withheld && reason.Length == 0)
        {
            ModelState.AddModelError("Input.WithheldReason", l["Statement.WithheldReasonRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.StatementMeasures.SingleOrDefaultAsync(s => s.CatalogKey == catalog && s.MeasureCode == code);
        if (row is null)
        {
            if (Version != 0)
            {
                return Conflict(measure);
            }

            row = new StatementMeasure { CatalogKey = measure.CatalogKey, MeasureCode = measure.Code };
            db.StatementMeasures.Add(row);
        }
        else
        {
            db.Entry(row).Property(s => s.Version).OriginalValue = Version;
        }

        // The catalog's default counts as no wording of one's own.
        row.WordingJa = wordingJa == measure.DefaultJa.Trim() ? "" : wordingJa;
        row.WordingEn = wordingEn == measure.DefaultEn.Trim() ? "" : wordingEn;
        row.Withheld = Input.Withheld;
        row.WithheldReason = Input.Withheld ? reason : "";
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedById = actor.UserId;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A stale row version, or a first save racing another (the primary key).
            return await ConflictAsync(catalog, code);
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    private IActionResult Conflict(DraftMeasure measure)
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
        Input = new InputModel { WordingJa = measure.WordingJa, WordingEn = measure.WordingEn, Withheld = measure.Withheld, WithheldReason = measure.WithheldReason };
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(string catalog, string code)
    {
        db.ChangeTracker.Clear();
        var current = (await FindAsync(catalog, code))!;
        Measure = current;
        Version = await db.StatementMeasures.AsNoTracking().Where(s => s.CatalogKey == catalog && s.MeasureCode == code).Select(s => s.Version).SingleOrDefaultAsync();
        return Conflict(current);
    }

    private async Task<DraftMeasure?> FindAsync(string catalog, string code) =>
        (await drafts.MeasuresAsync()).SingleOrDefault(m => m.CatalogKey == catalog && m.Code == code);

    public static string Clean(string? text) => StatementDocument.OneParagraph(text);
}
