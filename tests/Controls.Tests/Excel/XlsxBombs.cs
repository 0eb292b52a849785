using System.IO.Compression;
using System.Text;

namespace Controls.Tests.Excel;

/// <summary>
/// Small .xlsx files that would hold hundreds of megabytes once read (the two probes), and
/// other files an upload may be: each built here, in memory, so no binary sits in the repository.
/// </summary>
public static class XlsxBombs
{
    /// <summary>One cell in the last column (XFD) on each of <paramref name="rows"/> rows: about 23 KB.</summary>
    public static byte[] WideColumns(int rows = 5002)
    {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= rows; r++)
        {
            sheet.Append("<row r=\"").Append(r).Append("\"><c r=\"XFD").Append(r).Append("\"><v>1</v></c></row>");
        }

        sheet.Append("</sheetData></worksheet>");
        return Workbook(sheet.ToString(), sharedStrings: null);
    }

    /// <summary>A shared-strings part of <paramref name="strings"/> long repetitive strings: under a megabyte zipped.</summary>
    public static byte[] RepetitiveSharedStrings(int strings = 100_000, int length = 1_000)
    {
        var text = new string('A', length);
        var shared = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (var i = 0; i < strings; i++)
        {
            shared.Append("<si><t>").Append(text).Append("</t></si>");
        }

        shared.Append("</sst>");
        const string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
        return Workbook(sheet, shared.ToString());
    }

    /// <summary>A workbook whose sheet is not well-formed XML.</summary>
    public static byte[] MalformedSheet() =>
        Workbook("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>", null);

    /// <summary>An ordinary small sheet: a header and one row of inline text.</summary>
    public static byte[] Ordinary(params string[][] rows)
    {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append("<row r=\"").Append(r + 1).Append("\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Append("<c r=\"").Append((char)('A' + c)).Append(r + 1).Append("\" t=\"inlineStr\"><is><t>")
                    .Append(System.Security.SecurityElement.Escape(rows[r][c])).Append("</t></is></c>");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        return Workbook(sheet.ToString(), null);
    }

    private static byte[] Workbook(string sheet, string? sharedStrings)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"""
                + (sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""")
                + "</Relationships>");
            Add("xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", sharedStrings);
            }
        }

        return output.ToArray();
    }
}
