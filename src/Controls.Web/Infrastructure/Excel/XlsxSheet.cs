using System.Globalization;
using System.Xml;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// One sheet of an <see cref="XlsxWriter"/>, streamed into its zip entry as rows are added. It is
/// open until the next sheet is started or the workbook is completed.
/// </summary>
public sealed class XlsxSheet
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] StyleIds = ["0", "1", "2", "3", "4", "5"];

    private readonly XlsxWriter book;
    private readonly XlsxKind[] kinds;
    private readonly List<string> columnNames;
    private readonly int headerRow;
    private readonly char[] reference = new char[16];
    private readonly char[] rowText = new char[8];
    private readonly char[] number = new char[64];
    private readonly List<string> colorScales = [];
    private XmlWriter? xml;
    private int row;
    private int rowDigits;

    internal XlsxSheet(XlsxWriter book, string name, int number, SheetOptions options, Stream part)
    {
        this.book = book;
        Name = name;
        Number = number;
        kinds = options.Columns.Select(c => c.Kind).ToArray();
        columnNames = Enumerable.Range(0, options.Columns.Count).Select(XlsxFormat.ColumnName).ToList();
        var titleRows = (options.Title is null ? 0 : 1) + (options.Subtitle is null ? 0 : 1);
        var firstTableRow = titleRows == 0 ? 1 : titleRows + 2;
        headerRow = options.Columns.Count == 0 ? 0 : firstTableRow;
        xml = XmlWriter.Create(part, XlsxWriter.XmlSettings);
        WriteStart(xml, options);
        row = headerRow > 0 ? headerRow : firstTableRow - 1;
    }

    /// <summary>The sheet's name as written: the requested one, made valid and unique in the workbook.</summary>
    public string Name { get; }

    /// <summary>The rows added so far (not counting title and header).</summary>
    public int RowCount { get; private set; }

    /// <summary>The 1-based number of the last row written (title and header rows included).</summary>
    public int LastRowNumber => row;

    internal int Number { get; }

    /// <summary>The header and data range the autofilter covers; set when the sheet is finished.</summary>
    internal (string Relative, string Absolute)? FilterRange { get; private set; }

    /// <summary>
    /// Adds a row. Cells: string, bool, any number type, DateOnly, DateTime, DateTimeOffset (its
    /// clock time as given: convert to the organisation's time zone first); null leaves the cell
    /// empty; anything else is written as its invariant-culture text. Rows are not kept: the XML is
    /// compressed as it is written and passed on to the output in chunks, which is what the
    /// returned task may be waiting for.
    /// </summary>
    public ValueTask AddRowAsync(params ReadOnlySpan<object?> cells)
    {
        var xml = this.xml ?? throw new InvalidOperationException(
            $"Sheet \"{Name}\" is finished: a later sheet was started or the workbook was completed.");
        if (headerRow > 0 && cells.Length > kinds.Length)
        {
            throw new ArgumentException($"Sheet \"{Name}\" has {kinds.Length} columns; the row has {cells.Length} cells.", nameof(cells));
        }

        if (row == XlsxFormat.MaxRows)
        {
            throw new InvalidOperationException($"Sheet \"{Name}\" is full: Excel shows at most {XlsxFormat.MaxRows} rows.");
        }

        StartRow(xml, row + 1);
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(xml, i, cells[i]);
        }

        xml.WriteEndElement();
        RowCount++;
        return book.DrainIfFullAsync();
    }

    /// <summary>
    /// Colours the numbers of <paramref name="sqref"/> (e.g. <c>"C5:C40 E5:E40"</c>; percentages
    /// written as 0–100) on a red–yellow–green scale: 50 and below red, 75 yellow, 100 green, the
    /// bands of the dashboard's heatmap. Written when the sheet is finished.
    /// </summary>
    public void AddColorScale(string sqref)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqref);
        colorScales.Add(sqref);
    }

    /// <summary>Closes the sheet's XML: the autofilter goes after the data, now that its extent is known.</summary>
    internal void Finish()
    {
        if (xml is null)
        {
            return;
        }

        xml.WriteEndElement();
        if (headerRow > 0)
        {
            var last = columnNames[kinds.Length - 1];
            var bottom = Math.Max(row, headerRow);
            FilterRange = (
                string.Create(CultureInfo.InvariantCulture, $"A{headerRow}:{last}{bottom}"),
                string.Create(CultureInfo.InvariantCulture, $"$A${headerRow}:${last}${bottom}"));
            xml.WriteStartElement("autoFilter");
            xml.WriteAttributeString("ref", FilterRange.Value.Relative);
            xml.WriteEndElement();
        }

        // After the autofilter, as the schema orders a worksheet's parts.
        for (var i = 0; i < colorScales.Count; i++)
        {
            WriteColorScale(xml, colorScales[i], i + 1);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        Close();
    }

    private static void WriteColorScale(XmlWriter xml, string sqref, int priority)
    {
        xml.WriteStartElement("conditionalFormatting");
        xml.WriteAttributeString("sqref", sqref);
        xml.WriteStartElement("cfRule");
        xml.WriteAttributeString("type", "colorScale");
        xml.WriteAttributeString("priority", priority.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("colorScale");
        foreach (var value in new[] { "50", "75", "100" })
        {
            xml.WriteStartElement("cfvo");
            xml.WriteAttributeString("type", "num");
            xml.WriteAttributeString("val", value);
            xml.WriteEndElement();
        }

        foreach (var color in new[] { "FFF8696B", "FFFFEB84", "FF63BE7B" })
        {
            xml.WriteStartElement("color");
            xml.WriteAttributeString("rgb", color);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Releases the sheet's part without finishing it (an abandoned workbook).</summary>
    internal void Close()
    {
        xml?.Dispose();
        xml = null;
    }

    private void WriteStart(XmlWriter xml, SheetOptions options)
    {
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNamespace);

        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        if (Number == 1)
        {
            xml.WriteAttributeString("tabSelected", "1");
        }

        xml.WriteAttributeString("workbookViewId", "0");
        if (headerRow > 0)
        {
            // Freeze everything down to the header: it stays in view while scrolling.
            var below = string.Create(CultureInfo.InvariantCulture, $"A{headerRow + 1}");
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", headerRow.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("topLeftCell", below);
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection");
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", below);
            xml.WriteAttributeString("sqref", below);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        if (options.Columns.Any(c => c.Width is not null))
        {
            xml.WriteStartElement("cols");
            for (var i = 0; i < options.Columns.Count; i++)
            {
                if (options.Columns[i].Width is { } width)
                {
                    var index = (i + 1).ToString(CultureInfo.InvariantCulture);
                    xml.WriteStartElement("col");
                    xml.WriteAttributeString("min", index);
                    xml.WriteAttributeString("max", index);
                    xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("customWidth", "1");
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetData");
        var titleRow = 0;
        foreach (var (text, style) in new[] { (options.Title, XlsxStyles.Title), (options.Subtitle, XlsxStyles.Default) })
        {
            if (text is not null)
            {
                StartRow(xml, ++titleRow);
                WriteText(xml, 0, text, style);
                xml.WriteEndElement();
            }
        }

        if (headerRow > 0)
        {
            StartRow(xml, headerRow);
            for (var i = 0; i < options.Columns.Count; i++)
            {
                WriteText(xml, i, options.Columns[i].Header, XlsxStyles.Header);
            }

            xml.WriteEndElement();
        }
    }

    private void StartRow(XmlWriter xml, int rowNumber)
    {
        row = rowNumber;
        rowNumber.TryFormat(rowText, out rowDigits, default, CultureInfo.InvariantCulture);
        xml.WriteStartElement("row");
        xml.WriteStartAttribute("r");
        xml.WriteChars(rowText, 0, rowDigits);
        xml.WriteEndAttribute();
    }

    private void WriteCell(XmlWriter xml, int column, object? value)
    {
        var kind = column < kinds.Length ? kinds[column] : XlsxKind.General;
        switch (value)
        {
            case null:
                break;
            case string text:
                WriteText(xml, column, text, XlsxStyles.Default);
                break;
            case bool flag:
                StartCell(xml, column, XlsxStyles.Default, "b");
                xml.WriteElementString("v", flag ? "1" : "0");
                xml.WriteEndElement();
                break;
            case DateOnly date:
                WriteDate(xml, column, XlsxFormat.TrySerial(date, out var serial), serial, kind == XlsxKind.DateTime, date.ToDateTime(TimeOnly.MinValue));
                break;
            case DateTime dateTime:
                WriteDate(xml, column, XlsxFormat.TrySerial(dateTime, out serial), serial, kind != XlsxKind.Date, dateTime);
                break;
            case DateTimeOffset local:
                WriteDate(xml, column, XlsxFormat.TrySerial(local.DateTime, out serial), serial, kind != XlsxKind.Date, local.DateTime);
                break;
            case double d when double.IsFinite(d):
                WriteNumber(xml, column, d, kind);
                break;
            case float f when float.IsFinite(f):
                WriteNumber(xml, column, f, kind);
                break;
            case decimal m:
                WriteNumber(xml, column, m, kind);
                break;
            case int n:
                WriteNumber(xml, column, n, kind);
                break;
            case long n:
                WriteNumber(xml, column, n, kind);
                break;
            case short n:
                WriteNumber(xml, column, n, kind);
                break;
            case byte n:
                WriteNumber(xml, column, n, kind);
                break;
            case sbyte n:
                WriteNumber(xml, column, n, kind);
                break;
            case ushort n:
                WriteNumber(xml, column, n, kind);
                break;
            case uint n:
                WriteNumber(xml, column, n, kind);
                break;
            case ulong n:
                WriteNumber(xml, column, n, kind);
                break;
            default:
                // NaN and infinities, enums, Guid, …: their text.
                WriteText(xml, column, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", XlsxStyles.Default);
                break;
        }
    }

    private void WriteNumber<T>(XmlWriter xml, int column, T value, XlsxKind kind)
        where T : ISpanFormattable
    {
        value.TryFormat(number, out var length, default, CultureInfo.InvariantCulture);
        StartCell(xml, column, kind == XlsxKind.Percent ? XlsxStyles.Percent : XlsxStyles.Default, null);
        xml.WriteStartElement("v");
        xml.WriteChars(number, 0, length);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A serial date with a date format; before 1900-03-01 (no serial in Excel) the text.</summary>
    private void WriteDate(XmlWriter xml, int column, bool hasSerial, double serial, bool withTime, DateTime value)
    {
        var format = withTime ? "yyyy/MM/dd HH:mm" : "yyyy/MM/dd";
        if (!hasSerial)
        {
            WriteText(xml, column, value.ToString(format, CultureInfo.InvariantCulture), XlsxStyles.Default);
            return;
        }

        serial.TryFormat(number, out var length, default, CultureInfo.InvariantCulture);
        StartCell(xml, column, withTime ? XlsxStyles.DateTime : XlsxStyles.Date, null);
        xml.WriteStartElement("v");
        xml.WriteChars(number, 0, length);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>An inline string: no shared-string table to keep in memory, and never a formula.</summary>
    private void WriteText(XmlWriter xml, int column, string text, int style)
    {
        text = XlsxFormat.CellText(text);
        StartCell(xml, column, style, "inlineStr");
        xml.WriteStartElement("is");
        xml.WriteStartElement("t");
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void StartCell(XmlWriter xml, int column, int style, string? type)
    {
        xml.WriteStartElement("c");
        xml.WriteStartAttribute("r");
        var letters = ColumnName(column);
        letters.CopyTo(reference);
        Array.Copy(rowText, 0, reference, letters.Length, rowDigits);
        xml.WriteChars(reference, 0, letters.Length + rowDigits);
        xml.WriteEndAttribute();
        if (style != XlsxStyles.Default)
        {
            xml.WriteAttributeString("s", StyleIds[style]);
        }

        if (type is not null)
        {
            xml.WriteAttributeString("t", type);
        }
    }

    private string ColumnName(int column)
    {
        while (columnNames.Count <= column)
        {
            columnNames.Add(XlsxFormat.ColumnName(columnNames.Count));
        }

        return columnNames[column];
    }
}
