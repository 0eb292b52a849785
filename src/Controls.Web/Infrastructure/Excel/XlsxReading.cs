using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// Reading an uploaded .xlsx (ExcelDataReader), for the imports (ledger, training attendance): the
/// first sheet's rows as raw cells, and a cell as the text a person typed.
/// </summary>
public static class XlsxReading
{
    /// <summary>
    /// The first sheet's rows, at most <paramref name="maxRows"/> + 2 (a header and one more, enough to
    /// tell that there are too many); null when the file cannot be read as a workbook.
    /// </summary>
    public static List<object?[]>? FirstSheet(Stream xlsx, int maxRows)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(xlsx);
            var rows = new List<object?[]>();
            while (rows.Count <= maxRows + 1 && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException or ArgumentException or FormatException)
        {
            return null;
        }
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
