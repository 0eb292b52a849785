using System.Text;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Controls.Web.Features.Catalog;

/// <summary>Any catalog version as YAML (re-importable unchanged) or as an Excel workbook. Any signed-in user.</summary>
public class DownloadModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
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

        Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name + ".xlsx" }.ToString();
        await WriteWorkbookAsync(version, document, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>One row per check item with both languages side by side, for people who review on paper.</summary>
    private async Task WriteWorkbookAsync(Domain.CatalogVersion version, CatalogDocument document, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        await using var book = new XlsxWriter(Response.Body, cancellationToken);
        var sheet = book.AddSheet(l["CatalogXlsx.Sheet"], new SheetOptions
        {
            Title = $"{CatalogText.Pick(language, document.Title.Ja, document.Title.En)} — {l["Catalog.InVersion", version.Number, version.Label]}",
            Subtitle = l["CatalogXlsx.Generated", clock.Format(DateTimeOffset.UtcNow), document.Guideline],
            Columns =
            [
                new XlsxColumn(l["CatalogXlsx.Category"], 22), new XlsxColumn(l["CatalogXlsx.MeasureId"], 10),
                new XlsxColumn(l["CatalogXlsx.MeasureJa"], 28), new XlsxColumn(l["CatalogXlsx.MeasureEn"], 28),
                new XlsxColumn(l["CatalogXlsx.ItemId"], 10),
                new XlsxColumn(l["CatalogXlsx.QuestionJa"], 50), new XlsxColumn(l["CatalogXlsx.QuestionEn"], 50),
                new XlsxColumn(l["CatalogXlsx.GuidanceJa"], 50), new XlsxColumn(l["CatalogXlsx.GuidanceEn"], 50),
                new XlsxColumn(l["CatalogXlsx.EvidenceJa"], 30), new XlsxColumn(l["CatalogXlsx.EvidenceEn"], 30),
                new XlsxColumn(l["CatalogXlsx.SmallBusiness"], 12), new XlsxColumn(l["CatalogXlsx.Recurrence"], 12),
                new XlsxColumn(l["CatalogXlsx.Iso"], 20), new XlsxColumn(l["CatalogXlsx.Clause"], 12),
                new XlsxColumn(l["CatalogXlsx.Appi"], 20),
            ],
        });
        foreach (var m in document.Measures)
        {
            foreach (var i in m.Items)
            {
                await sheet.AddRowAsync(
                    l["Category." + m.Category].Value, m.Id, m.Title.Ja, m.Title.En, i.Id,
                    i.Question.Ja, i.Question.En, i.Guidance.Ja, i.Guidance.En, i.Evidence.Ja, i.Evidence.En,
                    i.SmallBusiness, l["Recurrence." + m.Recurrence].Value, string.Join(", ", m.Iso27001),
                    i.Clause, string.Join(", ", m.AppiMeasures));
            }
        }

        await book.CompleteAsync();
    }
}
