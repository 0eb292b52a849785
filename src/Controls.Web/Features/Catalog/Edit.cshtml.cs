using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// Edit a custom catalog in the app: reorder and retire measures and check items, and reach the
/// measure and item forms. Each change saves a new version. Compliance officers and administrators.
/// </summary>
public class EditModel(EditCatalog edit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Catalog { get; set; } = "";
    [BindProperty] public int Base { get; set; }

    public EditCatalog.Draft Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveMeasureAsync(string code, int by, CancellationToken cancellationToken) =>
        Save(d => EditCatalog.MoveMeasure(d, code, Math.Sign(by)), cancellationToken);

    public Task<IActionResult> OnPostRetireMeasureAsync(string code, CancellationToken cancellationToken) =>
        Save(d => EditCatalog.RemoveMeasure(d, code), cancellationToken);

    public Task<IActionResult> OnPostMoveItemAsync(string measure, string code, int by, CancellationToken cancellationToken) =>
        Save(d => EditCatalog.ChangeItems(d, measure, items => EditCatalog.Move(items, i => i.Id == code, Math.Sign(by))), cancellationToken);

    public Task<IActionResult> OnPostRetireItemAsync(string measure, string code, CancellationToken cancellationToken) =>
        Save(d => EditCatalog.ChangeItems(d, measure, items => items.Where(i => i.Id != code).ToList()), cancellationToken);

    private async Task<IActionResult> Save(Func<CatalogDocument, CatalogDocument> change, CancellationToken cancellationToken)
    {
        var saved = await edit.SaveAsync(Catalog, Base, change, cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Message"] = l["Catalog.Saved", saved.Number].Value;
            return RedirectToPage("Edit", new { catalog = Catalog });
        }

        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError("", saved.Conflict ? l["Catalog.EditConflict"].Value : l["Catalog.EditRefused"].Value);
        foreach (var problem in saved.Problems)
        {
            ModelState.AddModelError("", CatalogProblemText.For(problem, l));
        }

        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var draft = await edit.LoadAsync(Catalog, cancellationToken);
        if (draft is null || draft.IsBuiltIn)
        {
            return false;
        }

        Draft = draft;
        Base = draft.Number;
        return true;
    }
}
