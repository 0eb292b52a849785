using System.Globalization;
using Controls.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Mvc;

namespace Controls.Web.Features.Reports;

/// <summary>
/// CSV or Excel export of a list page: the page's <c>?handler=Export&amp;format=csv|xlsx</c> with
/// the same filter query as the list, so the file holds exactly the rows its filters show (every
/// page of them). Rows are streamed into the writer as the query yields them. CSV is UTF-8 with a
/// byte-order mark (Japanese opens correctly in Excel); the workbook has a title row naming the
/// list and the generation time, a frozen header and an autofilter.
/// <code>
/// public Task&lt;IActionResult&gt; OnGetExportAsync(string? format, CancellationToken ct) =>
///     ListExport.WriteAsync(this, format, "inspections", title, columns, Rows(query), clock, ct);
/// </code>
/// </summary>
public static class ListExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static async Task<IActionResult> WriteAsync(
        Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string? format, string fileBase, string title,
        IReadOnlyList<XlsxColumn> columns, IAsyncEnumerable<object?[]> rows, Infrastructure.Time.OrganisationClock clock, CancellationToken cancellationToken)
    {
        if (format is not (Csv or Xlsx))
        {
            return new BadRequestObjectResult("format must be csv or xlsx");
        }

        var response = page.Response;
        var now = clock.Now;
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{fileBase}-{now:yyyyMMdd-HHmm}.{format}");
        response.ContentType = format == Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        if (format == Csv)
        {
            await using var csv = new CsvWriter(response.Body, cancellationToken);
            await csv.WriteRowAsync(columns.Select(c => (object?)c.Header).ToArray());
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteRowAsync(row);
            }
        }
        else
        {
            await using var book = new XlsxWriter(response.Body, cancellationToken);
            var sheet = book.AddSheet(title, new SheetOptions { Title = title, Subtitle = clock.Format(now.ToUniversalTime()), Columns = columns });
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await sheet.AddRowAsync(row);
            }

            await book.CompleteAsync();
        }

        return new EmptyResult();
    }

    /// <summary>The list's current filters (its query string without paging or handler), for the export links.</summary>
    public static Dictionary<string, string> CurrentFilters(HttpRequest request) =>
        request.Query.Where(q => q.Key is not ("p" or "handler" or "format")).ToDictionary(q => q.Key, q => q.Value.ToString());

    /// <summary>Instants as the organisation's clock time (what the writers expect), null kept.</summary>
    public static DateTimeOffset? Local(Infrastructure.Time.OrganisationClock clock, DateTimeOffset? instant) =>
        instant is { } at ? clock.ToLocal(at) : null;
}
