using System.Buffers;
using System.Globalization;
using System.Text;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// Writes CSV for list exports the way Excel opens it: UTF-8 with a byte-order mark (without it,
/// Japanese Excel reads the file as Shift_JIS), CRLF line ends, RFC 4180 quoting. Dates are
/// written as yyyy/MM/dd, date-times as yyyy/MM/dd HH:mm (DateTimeOffset: its clock time as given,
/// so convert to the organisation's time zone first), numbers in the invariant culture, booleans
/// as TRUE/FALSE. The output is left open and only ever written asynchronously.
/// <code>
/// await using var csv = new CsvWriter(Response.Body, HttpContext.RequestAborted);
/// await csv.WriteRowAsync("部門", "期限");
/// await csv.WriteRowAsync("営業部", new DateOnly(2026, 4, 14));
/// </code>
/// </summary>
public sealed class CsvWriter(Stream output, CancellationToken cancellationToken = default) : IAsyncDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly StreamWriter writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
    private readonly StringBuilder line = new();
    private bool disposed;

    public ValueTask WriteRowAsync(params ReadOnlySpan<object?> fields)
    {
        line.Clear();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Append(fields[i]);
        }

        line.Append("\r\n");
        return new ValueTask(writer.WriteAsync(line, cancellationToken));
    }

    /// <summary>Writes what is buffered (and the byte-order mark, even with no rows).</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await writer.FlushAsync(cancellationToken);
        await writer.DisposeAsync();
    }

    private void Append(object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly date:
                line.Append(CultureInfo.InvariantCulture, $"{date:yyyy/MM/dd}");
                break;
            case DateTime dateTime:
                line.Append(CultureInfo.InvariantCulture, $"{dateTime:yyyy/MM/dd HH:mm}");
                break;
            case DateTimeOffset local:
                line.Append(CultureInfo.InvariantCulture, $"{local.DateTime:yyyy/MM/dd HH:mm}");
                break;
            case bool flag:
                line.Append(flag ? "TRUE" : "FALSE");
                break;
            case double d when !double.IsFinite(d):
                AppendText(d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when !float.IsFinite(f):
                AppendText(f.ToString(CultureInfo.InvariantCulture));
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float:
                line.Append(CultureInfo.InvariantCulture, $"{value}");
                break;
            default:
                AppendText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private void AppendText(string text)
    {
        // Formula injection (CSV injection): spreadsheet programs run a field that starts with
        // = + - @ as a formula (tab and CR can hide such a start), so such text gets a leading
        // apostrophe and stays text. The apostrophe remains visible in the cell; that is the price,
        // as OWASP's "CSV Injection" advice accepts. Numbers written as numbers (e.g. -5) are not
        // text and are never prefixed.
        var prefix = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(prefix ? "'" : "").Append(text);
            return;
        }

        line.Append('"').Append(prefix ? "'" : "");
        foreach (var c in text)
        {
            if (c == '"')
            {
                line.Append('"');
            }

            line.Append(c);
        }

        line.Append('"');
    }
}
