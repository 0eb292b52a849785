using System.Text;
using Controls.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Catalog;

/// <summary>Any catalog version as YAML (re-importable unchanged) or as an Excel workbook. Any signed-in user.</summary>
public class DownloadModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid versionId, string format, CancellationToken cancellationToken)
    {
        var version = await CatalogVersions.FindAsync(db, versionId, cancellationToken);
        if (version is null || format is not ("yaml" or "xlsx"))
        {
            return NotFound();
        }

        var document = CatalogVersions.ToDocument(version);
        var name = $"{document.Id}-v{version.Number}";
        if (format == "yaml")
        {
            return File(Encoding.UTF8.GetBytes(CatalogYamlWriter.Write(document)), "application/yaml; charset=utf-8", name + ".yaml");
        }

        return NotFound();
    }
}
