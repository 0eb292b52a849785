using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// CSV or Excel export of a list page: the page's <c>?handler=Export&amp;format=csv|xlsx</c> with
/// the same filter query as the list, so the file holds exactly the rows its filters show (every
/// page of them). Rows are streamed into the writer as the query yields them. CSV is UTF-8 with a
/// byte-order mark (Japanese opens correctly in Excel); the workbook has a title row naming the
/// list and the generation time, a frozen header and an autofilter (or, for a file meant to be
/// imported again, only the header: <c>titleRow: false</c>). The file is named after the list in
/// the user's language and the organisation's date (個人データ台帳_2026-12-06.csv, RFC 5987
/// <c>filename*</c>), with an ASCII <c>filename</c> for clients that read only that.
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
        IReadOnlyList<XlsxColumn> columns, IAsyncEnumerable<object?[]> rows, Infrastructure.Time.OrganisationClock clock, CancellationToken cancellationToken,
        bool titleRow = true)
    {
        if (format is not (Csv or Xlsx))
        {
            return new BadRequestObjectResult("format must be csv or xlsx");
        }

        var response = page.Response;
        var now = clock.Now;
        response.ContentType = format == Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = Attachment(fileBase, title, now, format);
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
            var sheet = book.AddSheet(title, titleRow
                ? new SheetOptions { Title = title, Subtitle = clock.Format(now.ToUniversalTime()), Columns = columns }
                : new SheetOptions { Columns = columns });
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await sheet.AddRowAsync(row);
            }

            await book.CompleteAsync();
        }

        return new EmptyResult();
    }

    /// <summary>
    /// <c>attachment; filename="ledger_2026-12-06.csv"; filename*=UTF-8''個人データ台帳_2026-12-06.csv</c>:
    /// the list's name in the user's language with the organisation's date (<paramref name="now"/>
    /// is its clock time); characters a file name cannot hold become <c>_</c>.
    /// </summary>
    public static string Attachment(string fileBase, string title, DateTimeOffset now, string extension)
    {
        var date = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var safe = new string(title.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c).ToArray()).Trim();
        return new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{fileBase}_{date}.{extension}",
            FileNameStar = $"{(safe.Length > 0 ? safe : fileBase)}_{date}.{extension}",
        }.ToString();
    }

    /// <summary>The list's current filters (its query string without paging or handler), for the export links.</summary>
    public static Dictionary<string, string> CurrentFilters(HttpRequest request) =>
        request.Query.Where(q => q.Key is not ("p" or "handler" or "format")).ToDictionary(q => q.Key, q => q.Value.ToString());

    /// <summary>Instants as the organisation's clock time (what the writers expect), null kept.</summary>
    public static DateTimeOffset? Local(Infrastructure.Time.OrganisationClock clock, DateTimeOffset? instant) =>
        instant is { } at ? clock.ToLocal(at) : null;
}
