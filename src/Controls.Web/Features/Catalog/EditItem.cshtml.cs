using Controls.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Catalog;

/// <summary>Add or edit a check item of a custom catalog (saved as a new version). Compliance officers and administrators.</summary>
public class EditItemModel(EditCatalog edit, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Catalog { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Measure { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int Base { get; set; }
    [BindProperty] public ItemInput Input { get; set; } = new();

    public bool IsNew => string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await edit.LoadAsync(Catalog, cancellationToken);
        var measure = draft?.Document.Measures.FirstOrDefault(m => m.Id == Measure);
        if (draft is null || draft.IsBuiltIn || measure is null)
        {
            return NotFound();
        }

        Base = draft.Number;
        if (!IsNew)
        {
            var item = measure.Items.FirstOrDefault(i => i.Id == Code);
            if (item is null)
            {
                return NotFound();
            }

            Input = ItemInput.From(item);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = IsNew ? await EditCatalog.NextItemCodeAsync(db, Catalog, Measure, cancellationToken) : Code!;
        var saved = await edit.SaveAsync(Catalog, Base,
            document => EditCatalog.ChangeItems(document, Measure, items => EditCatalog.ReplaceItem(items, IsNew ? null : Code, Input.ToItem(code))),
            cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Message"] = l["Catalog.Saved", saved.Number].Value;
            return RedirectToPage("Edit", new { catalog = Catalog });
        }

        ModelState.AddModelError("", saved.Conflict ? l["Catalog.EditConflict"].Value : l["Catalog.EditRefused"].Value);
        foreach (var problem in saved.Problems)
        {
            ModelState.AddModelError("", CatalogProblemText.For(problem, l));
        }

        return Page();
    }
}
