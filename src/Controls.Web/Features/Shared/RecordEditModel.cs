using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Shared;

/// <summary>
/// The edit flow of a record page (a contractor, a ledger entry, an incident, a request, a
/// management review): load the record the user may see (another is a 404), check that they may
/// change it (403), validate the input, save it with the row version the form was read at; when
/// someone saved it in between, show what is stored now, with its version, so that saving again is
/// a decision made on it.
/// </summary>
public abstract class RecordEditModel<TRecord, TInput>(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
    where TRecord : class, IVersionedRecord
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }

    protected AppDbContext Db => db;

    protected IStringLocalizer<SharedResource> L => l;

    /// <summary>The records of this kind the user may see.</summary>
    protected abstract Task<IQueryable<TRecord>> VisibleAsync();

    /// <summary>May the user change this record they see? (Default: whoever sees it.)</summary>
    protected virtual bool CanEdit(TRecord record) => true;

    /// <summary>The form's fields as the record holds them.</summary>
    protected abstract TInput ToInput(TRecord record);

    /// <summary>Checks the posted <see cref="Input"/> for this record; a problem is a ModelState error.</summary>
    protected abstract Task CheckAsync(TRecord record);

    /// <summary>Writes the checked <see cref="Input"/> onto the record.</summary>
    protected abstract void Apply(TRecord record);

    /// <summary>The page's heading and choices for this record.</summary>
    protected abstract Task ShowAsync(TRecord record);

    /// <summary>Where the user goes once the record is saved.</summary>
    protected abstract IActionResult Saved(Guid id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var record = await (await VisibleAsync()).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (record is null)
        {
            return NotFound();
        }

        if (!CanEdit(record))
        {
            return Forbid();
        }

        return await ShowStoredAsync(record);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var record = await (await VisibleAsync()).SingleOrDefaultAsync(r => r.Id == id);
        if (record is null)
        {
            return NotFound();
        }

        if (!CanEdit(record))
        {
            return Forbid();
        }

        await CheckAsync(record);
        if (!ModelState.IsValid)
        {
            return await ShowPageAsync(record);
        }

        Apply(record);
        db.Entry(record).Property(nameof(IVersionedRecord.Version)).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await (await VisibleAsync()).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
            if (stored is null || !CanEdit(stored))
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            return await ShowStoredAsync(stored);
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return Saved(id);
    }

    /// <summary>The form filled from the record as stored, with its version.</summary>
    private async Task<IActionResult> ShowStoredAsync(TRecord record)
    {
        Input = ToInput(record);
        Version = record.Version;
        return await ShowPageAsync(record);
    }

    private async Task<IActionResult> ShowPageAsync(TRecord record)
    {
        Id = record.Id;
        await ShowAsync(record);
        return Page();
    }
}
