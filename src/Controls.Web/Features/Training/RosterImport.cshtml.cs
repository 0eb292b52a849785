using System.Text;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>The staff roster from a CSV or Excel file: every row checked, all rows saved or none. Compliance officers and administrators.</summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public class RosterImportModel(RosterImport import, IStringLocalizer<SharedResource> l) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<RosterImport.LineError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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

        RosterImport.Result result;
        if (Path.GetExtension(Upload.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = new MemoryStream();
            await Upload.CopyToAsync(stream, cancellationToken);
            stream.Position = 0;
            result = await import.ImportExcelAsync(stream, cancellationToken);
        }
        else
        {
            string text;
            try
            {
                using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("Upload", l["Training.Csv.NotUtf8"]);
                return Page();
            }

            result = await import.ImportCsvAsync(text, cancellationToken);
        }

        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            ModelState.AddModelError("Upload", l["Roster.Import.Failed", result.Errors.Count]);
            return Page();
        }

        TempData["Message"] = l["Roster.Import.Done", result.Added, result.Updated].Value;
        return RedirectToPage("Roster");
    }
}
