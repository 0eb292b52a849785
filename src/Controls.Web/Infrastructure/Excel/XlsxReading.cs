using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// Reading an uploaded .xlsx (ExcelDataReader), for the imports (ledger, training attendance): the
/// first sheet's rows as raw cells, and a cell as the text a person typed. An upload is checked
/// before it is parsed, because a small file can unpack to gigabytes: every part of the zip is
/// unpacked once into nothing to learn its real size (the sizes a zip declares can lie), a part
/// larger than <see cref="MaxPartBytes"/>, a total over <see cref="MaxTotalBytes"/> or a part
/// compressed more than <see cref="MaxRatio"/>:1 is refused; and only the first
/// <see cref="MaxColumns"/> columns of each row are kept (a cell in column XFD does not make every
/// row 16,384 cells wide).
/// </summary>
public static class XlsxReading
{
    public const int MaxColumns = 64;
    public const long MaxPartBytes = 32L * 1024 * 1024;
    public const long MaxTotalBytes = 64L * 1024 * 1024;
    public const int MaxRatio = 100;

    /// <summary>Parts under this size are not judged by their compression ratio (small XML compresses well).</summary>
    private const long RatioCheckedFrom = 1024 * 1024;

    public enum Problem
    {
        None,

        /// <summary>Not a zip, not a workbook, or not well-formed XML.</summary>
        NotExcel,

        /// <summary>Unpacks to more than the limits allow.</summary>
        TooLarge,
    }

    public sealed record Sheet(List<object?[]> Rows, Problem Problem)
    {
        public static Sheet Refused(Problem problem) => new([], problem);
    }

    /// <summary>
    /// The first sheet's rows, at most <paramref name="maxRows"/> + 2 (a header and one more, enough to
    /// tell that there are too many) and at most <see cref="MaxColumns"/> cells each; or the problem
    /// that stopped the reading.
    /// </summary>
    public static Sheet FirstSheet(Stream xlsx, int maxRows)
    {
        try
        {
            if (!xlsx.CanSeek)
            {
                var copy = new MemoryStream();
                xlsx.CopyTo(copy);
                xlsx = copy;
            }

            var start = xlsx.Position;
            if (CheckSizes(xlsx) is var sizes and not Problem.None)
            {
                return Sheet.Refused(sizes);
            }

            xlsx.Position = start;
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(xlsx);
            var rows = new List<object?[]>();
            while (rows.Count <= maxRows + 1 && reader.Read())
            {
                var row = new object?[Math.Min(reader.FieldCount, MaxColumns)];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new(rows, Problem.None);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException
                                      or ArgumentException or FormatException or XmlException or InvalidOperationException or OverflowException)
        {
            // Not a zip, a missing part, malformed XML, a bad number: each means "not a workbook we can read".
            return Sheet.Refused(Problem.NotExcel);
        }
    }

    /// <summary>Unpacks every part into nothing, counting, and stops at the first limit passed.</summary>
    private static Problem CheckSizes(Stream xlsx)
    {
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > MaxPartBytes)
            {
                return Problem.TooLarge;
            }

            long size = 0;
            using (var part = entry.Open())
            {
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += read;
                    if (size > MaxPartBytes || total + size > MaxTotalBytes)
                    {
                        return Problem.TooLarge;
                    }
                }
            }

            total += size;
            if (size > RatioCheckedFrom && size > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                return Problem.TooLarge;
            }
        }

        return Problem.None;
    }

    public static string Text(object? cell) => cell switch
    {
        null => "",
        string text => text.Trim().ReplaceLineEndings("\n"),
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
