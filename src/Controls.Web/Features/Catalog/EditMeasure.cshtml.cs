using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Catalog;

/// <summary>Add or edit a measure of a custom catalog (saved as a new version). Compliance officers and administrators.</summary>
public class EditMeasureModel(EditCatalog edit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Catalog { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int Base { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public bool IsNew => string.IsNullOrEmpty(Code);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.MeasureId")]
        public string Id { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Catalog.Category")]
        public string Category { get; set; } = MeasureCategory.Organisational;
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.TitleJa")]
        public string TitleJa { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.TitleEn")]
        public string TitleEn { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.DescriptionJa")]
        public string DescriptionJa { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.DescriptionEn")]
        public string DescriptionEn { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Catalog.Recurrence")]
        public string Recurrence { get; set; } = Features.Catalog.Recurrence.Annual;
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.Iso")]
        public string Iso27001 { get; set; } = "";
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.Appi")]
        public string? Appi { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.StatementJa")]
        public string StatementJa { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Catalog.StatementEn")]
        public string StatementEn { get; set; } = "";

        /// <summary>A new measure starts with its first three check items (a measure needs 3 to 6).</summary>
        public List<ItemInput> Items { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await edit.LoadAsync(Catalog, cancellationToken);
        if (draft is null || draft.IsBuiltIn)
        {
            return NotFound();
        }

        Base = draft.Number;
        if (IsNew)
        {
            Input.Items = [new(), new(), new()];
        }
        else
        {
            var m = draft.Document.Measures.FirstOrDefault(m => m.Id == Code);
            if (m is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Id = m.Id,
                Category = m.Category,
                TitleJa = m.Title.Ja,
                TitleEn = m.Title.En,
                DescriptionJa = m.Description.Ja,
                DescriptionEn = m.Description.En,
                Recurrence = m.Recurrence,
                Iso27001 = string.Join(", ", m.Iso27001),
                Appi = string.Join(", ", m.AppiMeasures),
                StatementJa = m.Statement.Ja,
                StatementEn = m.Statement.En,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsNew && Input.Items.Count != 3)
        {
            Input.Items = [.. Input.Items.Take(3), .. Enumerable.Range(0, Math.Max(0, 3 - Input.Items.Count)).Select(_ => new ItemInput())];
            ModelState.AddModelError("", l["Catalog.ThreeItemsNeeded"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var iso = Input.Iso27001.Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var appi = (Input.Appi ?? "").Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var saved = await edit.SaveAsync(Catalog, Base, document =>
        {
            var existing = document.Measures.FirstOrDefault(m => m.Id == Code);
            if (IsNew && document.Measures.Any(m => m.Id == Input.Id.Trim()))
            {
                // A new measure may not take an existing id: keep both so the validator reports the duplicate.
                existing = null;
            }

            var measure = new CatalogMeasure(Input.Id.Trim(), Input.Category,
                new LocalizedText(Input.TitleJa.Trim(), Input.TitleEn.Trim()), new LocalizedText(Input.DescriptionJa.Trim(), Input.DescriptionEn.Trim()),
                Input.Recurrence, iso, new LocalizedText(Input.StatementJa.Trim(), Input.StatementEn.Trim()),
                existing?.Items ?? Input.Items.Select((item, n) => item.ToItem($"{Input.Id.Trim()}.{n + 1}")).ToList(),
                appi.Count == 0 ? null : appi);
            return EditCatalog.ReplaceMeasure(document, IsNew ? null : Code, measure);
        }, cancellationToken);

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
