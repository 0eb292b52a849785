using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>Import the ledger from Excel: every bad cell is listed and nothing is saved unless every row is good.</summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public class ImportModel(LedgerWorkbook workbook, IStringLocalizer<SharedResource> l) : PageModel
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<LedgerWorkbook.CellError> Errors { get; private set; } = [];

    public IActionResult OnGet() => LedgerAccess.CanCreate(User) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LedgerAccess.CanCreate(User))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", l["Ledger.Import.NoFile"]);
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError("Upload", l["Ledger.Import.TooLarge", MaxBytes / 1024 / 1024]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var result = await workbook.ImportAsync(User, buffer, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            ModelState.AddModelError("Upload", l["Ledger.Import.Failed", result.Errors.Count]);
            return Page();
        }

        TempData["Message"] = l["Ledger.Import.Done", result.Added, result.Updated].Value;
        return RedirectToPage("Index");
    }
}
