using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Controls.Web.Infrastructure.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;

namespace Controls.Tests.Excel;

public class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XlsxColumn[] AnswerColumns =
    [
        new("部門", Width: 20),
        new("期限", Width: 12, Kind: XlsxKind.Date),
        new("得点", Width: 8, Kind: XlsxKind.Percent),
        new("件数"),
        new("完了"),
        new("更新", Width: 16),
    ];

    [Fact]
    public async Task A_two_sheet_workbook_streamed_to_a_non_seekable_output_reads_back_with_ExcelDataReader()
    {
        var output = new NonSeekableStream();
        await using (var book = new XlsxWriter(output))
        {
            var answers = book.AddSheet("回答一覧", new SheetOptions
            {
                Title = "回答一覧 2026年度",
                Subtitle = "Generated 2026-11-21 09:00 JST",
                Columns = AnswerColumns,
            });
            await answers.AddRowAsync("個人データ取扱台帳", new DateOnly(2026, 4, 14), 0.85, 12, true, new DateTime(2026, 4, 14, 18, 30, 0));
            await answers.AddRowAsync("bell\u0007 and vertical tab\u000B removed", null, 1m, 3L, false, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(9)));
            await answers.AddRowAsync("_x0041_ literally", new DateTime(2026, 5, 1, 23, 59, 0));

            var findings = book.AddSheet("Findings", new SheetOptions { Columns = [new("No."), new("Finding", Width: 60)] });
            for (var i = 1; i <= 5_000; i++)
            {
                await findings.AddRowAsync(i, $"指摘事項 {i}: アクセス権限の見直しが未実施 {Guid.NewGuid()}");
            }

            Assert.True(output.BytesWritten > 0, "rows are passed on while the sheet is written, not held until the end");
            await book.CompleteAsync();
        }

        var sheets = Read(output.ToArray());

        Assert.Equal(["回答一覧", "Findings"], sheets.Select(s => s.Name));

        var rows = sheets[0].Rows;
        Assert.Equal(7, rows.Count); // title, subtitle, blank, header, 3 rows
        Assert.Equal("回答一覧 2026年度", rows[0][0]);
        Assert.Equal("Generated 2026-11-21 09:00 JST", rows[1][0]);
        Assert.All(rows[2], Assert.Null);
        Assert.Equal(["部門", "期限", "得点", "件数", "完了", "更新"], rows[3]);
        Assert.Equal(["個人データ取扱台帳", new DateTime(2026, 4, 14), 0.85, 12.0, true, new DateTime(2026, 4, 14, 18, 30, 0)], rows[4]);
        Assert.Equal(["bell and vertical tab removed", null, 1.0, 3.0, false, new DateTime(2026, 11, 21, 9, 0, 0)], rows[5]);
        Assert.Equal("_x0041_ literally", rows[6][0]);
        Assert.Equal(new DateTime(2026, 5, 1, 23, 59, 0), rows[6][1]);

        rows = sheets[1].Rows;
        Assert.Equal(5_001, rows.Count);
        Assert.Equal(["No.", "Finding"], rows[0]);
        Assert.Equal(5_000.0, rows[^1][0]);
        Assert.StartsWith("指摘事項 5000: ", (string)rows[^1][1]!);
    }

    [Fact]
    public async Task A_small_workbook_passes_the_Open_XML_validator_with_frozen_header_and_autofilter()
    {
        var bytes = await WriteAsync(async book =>
        {
            var sheet = book.AddSheet("Answers", new SheetOptions { Title = "Answers FY2026", Columns = AnswerColumns });
            await sheet.AddRowAsync("  padded  ", new DateOnly(2026, 4, 14), 0.5, 1, true, new DateTime(2026, 4, 14, 9, 0, 0));
            await sheet.AddRowAsync("=SUM(A1:A2)", new DateOnly(1899, 1, 1), double.NaN, Guid.Empty, null, DateTimeOffset.UnixEpoch);
            var plain = book.AddSheet("O'Brien's notes");
            await plain.AddRowAsync("no header", 1, 2, 3);
        });

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var workbook = document.WorkbookPart!;
        var sheetXml = XDocument.Load(workbook.GetPartById("rId1").GetStream());
        var pane = sheetXml.Descendants(Main + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("3", (string?)pane.Attribute("ySplit")); // title, blank, header
        Assert.Equal("A4", (string?)pane.Attribute("topLeftCell"));
        Assert.Equal("A3:F5", (string?)sheetXml.Descendants(Main + "autoFilter").Single().Attribute("ref"));
        Assert.Equal(["20", "12", "8", "16"], sheetXml.Descendants(Main + "col").Select(c => (string)c.Attribute("width")!));
        Assert.Empty(sheetXml.Descendants(Main + "f"));

        var cells = sheetXml.Descendants(Main + "c").ToDictionary(c => (string)c.Attribute("r")!);
        Assert.Equal("inlineStr", (string?)cells["A4"].Attribute("t"));
        Assert.Equal("=SUM(A1:A2)", cells["A5"].Value);
        Assert.Equal("46126", cells["B4"].Value);
        Assert.Equal("3", (string?)cells["B4"].Attribute("s"));
        Assert.Equal("1899/01/01", cells["B5"].Value); // no serial date before 1900-03-01: the text
        Assert.Equal("5", (string?)cells["C4"].Attribute("s"));
        Assert.Equal("b", (string?)cells["E4"].Attribute("t"));
        Assert.Equal("4", (string?)cells["F4"].Attribute("s"));
        Assert.Equal("  padded  ", cells["A4"].Value);

        var filter = XDocument.Load(workbook.GetStream()).Descendants(Main + "definedName").Single();
        Assert.Equal("_xlnm._FilterDatabase", (string?)filter.Attribute("name"));
        Assert.Equal("0", (string?)filter.Attribute("localSheetId"));
        Assert.Equal("'Answers'!$A$3:$F$5", filter.Value);

        var second = XDocument.Load(workbook.GetPartById("rId2").GetStream());
        Assert.Empty(second.Descendants(Main + "pane"));
        Assert.Empty(second.Descendants(Main + "autoFilter"));
    }

    [Fact]
    public async Task A_workbook_abandoned_part_way_is_not_a_readable_file()
    {
        var output = new NonSeekableStream();
        await using (var book = new XlsxWriter(output))
        {
            var sheet = book.AddSheet("Findings", new SheetOptions { Columns = [new("No."), new("Finding")] });
            for (var i = 0; i < 5_000; i++)
            {
                await sheet.AddRowAsync(i, Guid.NewGuid().ToString());
            }

            // An exception here: the caller never reaches CompleteAsync.
        }

        Assert.True(output.BytesWritten > 0);
        Assert.ThrowsAny<InvalidDataException>(() => new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read));
    }

    [Fact]
    public async Task Sheets_are_written_one_after_another_with_at_most_their_columns()
    {
        await using var book = new XlsxWriter(new NonSeekableStream());
        var first = book.AddSheet("First", new SheetOptions { Columns = [new("A"), new("B")] });
        await Assert.ThrowsAsync<ArgumentException>(async () => await first.AddRowAsync(1, 2, 3));
        var second = book.AddSheet("first");
        Assert.Equal("first (2)", second.Name);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await first.AddRowAsync(1, 2));
        await book.CompleteAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.AddRowAsync(1));
        Assert.Throws<InvalidOperationException>(() => book.AddSheet("Third"));
    }

    [Fact]
    public async Task A_workbook_with_no_sheets_gets_an_empty_one()
    {
        var sheets = Read(await WriteAsync(_ => Task.CompletedTask));
        Assert.Equal("Sheet1", Assert.Single(sheets).Name);
    }

    private static async Task<byte[]> WriteAsync(Func<XlsxWriter, Task> write)
    {
        var output = new NonSeekableStream();
        await using var book = new XlsxWriter(output);
        await write(book);
        await book.CompleteAsync();
        return output.ToArray();
    }

    private static List<(string Name, List<object?[]> Rows)> Read(byte[] xlsx)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }
}
