using System.Text;
using Controls.Web.Infrastructure.Excel;
using ExcelDataReader;
using Xunit.Abstractions;

namespace Controls.Tests.Excel;

[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Uploads built to hurt (XlsxBombs): each is refused or read within bounded memory, never an
/// exception. Memory is measured alone (no other test runs meanwhile): bytes allocated by the
/// reading thread, and the managed heap's peak sampled every 2 ms above what it was before.
/// CONTROLS_MEASURE_BEFORE=1 also measures the earlier reading (ExcelDataReader, every column) for comparison.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public class XlsxImportBombTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_cell_in_column_XFD_on_every_row_is_read_as_narrow_rows()
    {
        var file = XlsxBombs.WideColumns();
        Assert.InRange(file.Length, 1, 64 * 1024);
        MeasureBefore("wide columns", file);
        var (sheet, allocated, peak) = Measure(() => XlsxReading.FirstSheet(new MemoryStream(file), 5000));
        output.WriteLine($"wide columns ({file.Length / 1024} KB): allocated {allocated / MiB} MB, heap peak +{peak / MiB} MB, {sheet.Rows.Count} rows of {sheet.Rows.Max(r => r.Length)} cells");
        Assert.Equal(XlsxReading.Problem.None, sheet.Problem);
        Assert.All(sheet.Rows, row => Assert.True(row.Length <= XlsxReading.MaxColumns));
        Assert.True(peak < 100 * MiB, $"heap peak +{peak / MiB} MB");
    }

    [Fact]
    public void A_repetitive_shared_strings_part_is_refused_before_parsing()
    {
        var file = XlsxBombs.RepetitiveSharedStrings();
        Assert.InRange(file.Length, 1, 1024 * 1024);
        MeasureBefore("shared strings", file);
        var (sheet, allocated, peak) = Measure(() => XlsxReading.FirstSheet(new MemoryStream(file), 5000));
        output.WriteLine($"shared strings ({file.Length / 1024} KB): allocated {allocated / MiB} MB, heap peak +{peak / MiB} MB, {sheet.Problem}");
        Assert.Equal(XlsxReading.Problem.TooLarge, sheet.Problem);
        Assert.True(peak < 20 * MiB, $"heap peak +{peak / MiB} MB");
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("malformed xml")]
    [InlineData("empty")]
    [InlineData("zip without a workbook")]
    public void A_file_that_is_not_a_workbook_is_a_problem_not_an_exception(string kind)
    {
        var file = kind switch
        {
            "not a zip" => Encoding.UTF8.GetBytes("email,completed\nsomeone@example.jp,2026-04-01\n"),
            "malformed xml" => XlsxBombs.MalformedSheet(),
            "empty" => [],
            _ => ZipWithoutWorkbook(),
        };
        Assert.Equal(XlsxReading.Problem.NotExcel, XlsxReading.FirstSheet(new MemoryStream(file), 10).Problem);
    }

    [Fact]
    public void An_ordinary_sheet_is_read_as_before()
    {
        var sheet = XlsxReading.FirstSheet(new MemoryStream(XlsxBombs.Ordinary(["email", "completed"], ["sato@example.jp", "2026-04-01"])), 10);
        Assert.Equal(XlsxReading.Problem.None, sheet.Problem);
        Assert.Equal(["email", "completed"], sheet.Rows[0].Select(XlsxReading.Text));
        Assert.Equal("sato@example.jp", XlsxReading.Text(sheet.Rows[1][0]));
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        return stream.ToArray();
    }

    /// <summary>The earlier reading: ExcelDataReader with every column of every row kept.</summary>
    private void MeasureBefore(string name, byte[] file)
    {
        if (Environment.GetEnvironmentVariable("CONTROLS_MEASURE_BEFORE") != "1")
        {
            return;
        }

        var (rows, allocated, peak) = Measure(() =>
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(file));
            var list = new List<object?[]>();
            while (list.Count <= 5001 && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                list.Add(row);
            }

            return list;
        });
        output.WriteLine($"BEFORE {name} ({file.Length / 1024} KB): allocated {allocated / MiB} MB, heap peak +{peak / MiB} MB, {rows.Count} rows");
    }

    private static (T Result, long Allocated, long Peak) Measure<T>(Func<T> read)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
            }
            while (!done.Wait(2));
        });
        sampler.Start();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = read();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        done.Set();
        sampler.Join();
        GC.KeepAlive(result);
        return (result, allocated, peak);
    }
}
