using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Statement;

/// <summary>The compliance officer's note on one foreign country (外的環境の把握): what its regime is and what the organisation does about it.</summary>
public class CountryModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Statement.Field.NoteJa")]
        [StringLength(StatementCountryNote.NoteLength, ErrorMessage = "Validation.MaxLength")]
        public string? NoteJa { get; set; }

        [Display(Name = "Statement.Field.NoteEn")]
        [StringLength(StatementCountryNote.NoteLength, ErrorMessage = "Validation.MaxLength")]
        public string? NoteEn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Countries.Country Country { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (Countries.All.SingleOrDefault(c => c.Code == code) is not { } country)
        {
            return NotFound();
        }

        Country = country;
        var note = await db.StatementCountryNotes.AsNoTracking().SingleOrDefaultAsync(n => n.CountryCode == code);
        Input = new InputModel { NoteJa = note?.NoteJa, NoteEn = note?.NoteEn };
        Version = note?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (Countries.All.SingleOrDefault(c => c.Code == code) is not { } country)
        {
            return NotFound();
        }

        Country = country;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var note = await db.StatementCountryNotes.SingleOrDefaultAsync(n => n.CountryCode == code);
        if (note is null)
        {
            if (Version != 0)
            {
                return await ConflictAsync(code);
            }

            note = new StatementCountryNote { CountryCode = code };
            db.StatementCountryNotes.Add(note);
        }
        else
        {
            db.Entry(note).Property(n => n.Version).OriginalValue = Version;
        }

        note.NoteJa = MeasureModel.Clean(Input.NoteJa);
        note.NoteEn = MeasureModel.Clean(Input.NoteEn);
        note.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return await ConflictAsync(code);
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ConflictAsync(string code)
    {
        db.ChangeTracker.Clear();
        var current = await db.StatementCountryNotes.AsNoTracking().SingleOrDefaultAsync(n => n.CountryCode == code);
        ModelState.Clear();
        ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
        Input = new InputModel { NoteJa = current?.NoteJa, NoteEn = current?.NoteEn };
        Version = current?.Version ?? 0;
        return Page();
    }
}
