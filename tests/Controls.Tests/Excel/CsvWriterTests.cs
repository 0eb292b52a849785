using System.Text;
using Controls.Web.Infrastructure.Excel;

namespace Controls.Tests.Excel;

public class CsvWriterTests
{
    [Fact]
    public async Task Csv_is_UTF8_with_BOM_CRLF_quoted_and_safe_from_formulas()
    {
        var bytes = await WriteAsync(async csv =>
        {
            await csv.WriteRowAsync("部門", "期限", "更新", "得点", "件数", "完了", "備考");
            await csv.WriteRowAsync("個人データ取扱台帳", new DateOnly(2026, 4, 14), new DateTime(2026, 4, 14, 18, 30, 59), 0.85, -5, true, "a, b");
            await csv.WriteRowAsync("say \"hi\"", null, new DateTimeOffset(2026, 11, 21, 9, 5, 0, TimeSpan.FromHours(9)), 1234.5m, 1_000_000L, false, "line 1\r\nline 2");
            await csv.WriteRowAsync("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR", "plain-text");
        });

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "部門,期限,更新,得点,件数,完了,備考\r\n"
            + "個人データ取扱台帳,2026/04/14,2026/04/14 18:30,0.85,-5,TRUE,\"a, b\"\r\n"
            + "\"say \"\"hi\"\"\",,2026/11/21 09:05,1234.5,1000000,FALSE,\"line 1\r\nline 2\"\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-1,'@SUM(A1),'\tTAB,\"'\rCR\",plain-text\r\n",
            Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task A_long_csv_reaches_the_output_as_it_is_written_and_only_asynchronously()
    {
        var output = new NonSeekableStream();
        await using (var csv = new CsvWriter(output))
        {
            for (var i = 0; i < 20_000; i++)
            {
                await csv.WriteRowAsync(i, "個人データ取扱台帳", new DateOnly(2026, 4, 14));
            }

            Assert.True(output.BytesWritten > 0);
        }

        var text = Encoding.UTF8.GetString(output.ToArray().AsSpan(3));
        Assert.Equal(20_000, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("19999,個人データ取扱台帳,2026/04/14\r\n", text);
    }

    [Fact]
    public async Task An_empty_csv_still_has_the_BOM() =>
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, await WriteAsync(_ => Task.CompletedTask));

    private static async Task<byte[]> WriteAsync(Func<CsvWriter, Task> write)
    {
        var output = new NonSeekableStream();
        await using (var csv = new CsvWriter(output))
        {
            await write(csv);
        }

        return output.ToArray();
    }
}
