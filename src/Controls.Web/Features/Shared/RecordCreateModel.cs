using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Shared;

/// <summary>
/// The create flow of a record page (a contractor, a ledger entry, an incident, a request, a
/// management review), the counterpart of <see cref="RecordEditModel{TRecord, TInput}"/>: a user
/// who may not create such records gets a 403; the form opens with its defaults; a post is checked as a whole and, with any problem, shown
/// again with its choices, nothing saved; otherwise the record is added and saved, and the user is
/// told so and taken on.
/// </summary>
public abstract class RecordCreateModel<TRecord, TInput>(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
    where TRecord : class
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    protected AppDbContext Db => db;

    protected IStringLocalizer<SharedResource> L => l;

    /// <summary>May the user create records of this kind at all?</summary>
    protected abstract bool CanCreate();

    /// <summary>Fills the empty form's defaults (shown on the first visit).</summary>
    protected abstract void FillDefaults();

    /// <summary>Checks the posted <see cref="Input"/>; a problem is a ModelState error.</summary>
    protected abstract Task CheckAsync();

    /// <summary>The page's choices.</summary>
    protected abstract Task ShowAsync();

    /// <summary>The new record, made from the checked <see cref="Input"/>.</summary>
    protected abstract TRecord Create();

    /// <summary>The message that the record was created.</summary>
    protected abstract string CreatedMessage(TRecord record);

    /// <summary>Where the user goes once the record is saved.</summary>
    protected abstract IActionResult Saved(TRecord record);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!CanCreate())
        {
            return Forbid();
        }

        FillDefaults();
        await ShowAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanCreate())
        {
            return Forbid();
        }

        await CheckAsync();
        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        var record = Create();
        db.Add(record);
        await db.SaveChangesAsync();
        TempData["Message"] = CreatedMessage(record);
        return Saved(record);
    }
}
