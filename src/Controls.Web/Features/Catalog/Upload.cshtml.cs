using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// Upload a custom catalog: the file is checked like `catalog validate` (problems with line and
/// column) or previewed (what will be added, changed, retired) before the import is confirmed.
/// Compliance officers and administrators.
/// </summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, ValueLengthLimit = UploadLimit)]
public class UploadModel(ImportCatalogs import, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Requests up to this size reach the page, which explains anything over the catalog limit (1 MiB).</summary>
    public const int UploadLimit = 8 * 1024 * 1024;

    public IReadOnlyList<CatalogProblem> Problems { get; private set; } = [];
    public CatalogDocument? Document { get; private set; }
    public ImportCatalogs.Outcome? Outcome { get; private set; }
    public CatalogChanges? Changes { get; private set; }
    public int CurrentVersion { get; private set; }

    [BindProperty] public string? FileContent { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", l["Catalog.NoFile"]);
            return Page();
        }

        FileName = SafeName(file.FileName);
        if (file.Length > CatalogParser.MaxBytes)
        {
            ModelState.AddModelError("", l["Catalog.FileTooLarge", CatalogParser.MaxBytes / 1024]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await Check(buffer.ToArray(), cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(FileContent ?? "");
        }
        catch (FormatException)
        {
            ModelState.AddModelError("", l["Catalog.NoFile"]);
            return Page();
        }

        FileName = SafeName(FileName);
        var result = await import.ImportAsync([(FileName, CatalogParser.Parse(FileName, bytes))], builtIn: false, cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            return Page();
        }

        var imported = result.Catalogs[0];
        TempData["Message"] = imported.Outcome == ImportCatalogs.Outcome.Unchanged
            ? l["Catalog.ImportedUnchanged", imported.CatalogKey, imported.VersionNumber].Value
            : l["Catalog.Imported", imported.CatalogKey, imported.VersionNumber].Value;
        return RedirectToPage("Index", new { catalog = imported.CatalogKey });
    }

    private async Task<IActionResult> Check(byte[] bytes, CancellationToken cancellationToken)
    {
        var parsed = CatalogParser.Parse(FileName!, bytes);
        if (parsed.Document is null)
        {
            Problems = parsed.Problems;
            return Page();
        }

        Document = parsed.Document;
        (Outcome, Changes, CurrentVersion) = await import.PreviewAsync(parsed.Document, cancellationToken);
        FileContent = Convert.ToBase64String(bytes);
        return Page();
    }

    /// <summary>Only the file's own name, in safe characters: it is shown and printed back in messages.</summary>
    private static string SafeName(string? name)
    {
        var plain = Path.GetFileName(name ?? "").Trim();
        var safe = new string(plain.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_').Take(100).ToArray());
        return safe.Length == 0 ? "catalog.yaml" : safe;
    }

    public string Language => Languages.Current;
}
