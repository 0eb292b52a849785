using System.Diagnostics;
using System.Globalization;
using Controls.Web.Infrastructure.Excel;

// A timed console, not a unit test: `dotnet run -c Release --project bench/Controls.Bench -- xlsx [rows] [file]`.
// Writes rows × 10 columns (Japanese and Latin text, dates, date-times, numbers, percentages,
// booleans) to a file and prints the elapsed time, the file size and the peak working set. The
// file is deleted unless its path is given.
// The database benchmarks (report, inspections) run on the provider `--provider sqlite|postgresql`
// (before the verb) or CONTROLS_BENCH_PROVIDER names; SQLite by default (bench/run runs both).
if (args.Length >= 2 && args[0] == "--provider")
{
    Environment.SetEnvironmentVariable("CONTROLS_BENCH_PROVIDER", args[1]);
    args = args[2..];
}

var mode = args.Length > 0 ? args[0] : "";
if (mode == "report")
{
    return await Controls.Bench.ReportBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (mode == "home")
{
    return await Controls.Bench.HomeBench.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (mode == "inspections")
{
    return await Controls.Bench.InspectionBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
}

if (mode == "audit-trail")
{
    return await Controls.Bench.AuditTrailBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

if (mode == "xlsx-compare")
{
    return await Controls.Bench.XlsxCompareBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
}

if (mode == "xlsx-compare-one" && args.Length == 5)
{
    return await Controls.Bench.XlsxCompareBench.RunOneAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
}

var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;
if (mode is not ("xlsx" or "csv"))
{
    Console.Error.WriteLine("usage: Controls.Bench xlsx|csv [rows] [file]   (default 500000 rows × 10 columns, to a temporary file)");
    Console.Error.WriteLine("       Controls.Bench xlsx-compare [rows]   (ClosedXML against the streaming writer, each in its own process; default 100000 rows)");
    Console.Error.WriteLine("       Controls.Bench [--provider sqlite|postgresql] report [departments] [years]   (default 500 departments x 3 years of monthly inspections)");
    Console.Error.WriteLine("       Controls.Bench [--provider sqlite|postgresql] home [departments] [years]   (the home page per role; default 500 departments x 3 years; target median < 100 ms)");
    Console.Error.WriteLine("       Controls.Bench [--provider sqlite|postgresql] inspections [departments]   (default 1000 departments × 5 schedules)");
    Console.Error.WriteLine("       Controls.Bench [--provider sqlite|postgresql] audit-trail [entries]   (default 1000000 chained entries, then audit-trail verify; target < 30 s)");
    Console.Error.WriteLine("       (SQLite: a temporary file; PostgreSQL: a database on the server CONTROLS_BENCH_SERVER names)");
    return 2;
}

var keep = args.Length > 2;
var path = keep ? Path.GetFullPath(args[2]) : Path.Combine(Path.GetTempPath(), $"controls-bench-{Environment.ProcessId}.{mode}");
var departments = new[] { "営業部", "人事部", "経理部", "情報システム部", "総務部", "Legal & Compliance" };
var controls = new[] { "個人データ取扱台帳の整備", "アクセス権限の定期見直し", "委託先の監督（契約・点検）", "Clean desk, locked cabinets" };
var statuses = new[] { "適合", "一部不適合", "不適合", "該当なし" };
var start = new DateOnly(2026, 4, 1);
var generated = new DateTime(2026, 11, 21, 9, 0, 0);

var watch = Stopwatch.StartNew();
await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
{
    if (mode == "xlsx")
    {
        await using var book = new XlsxWriter(file);
        var sheet = book.AddSheet("Answers", new SheetOptions
        {
            Title = "回答一覧 2026年度",
            Subtitle = "Generated 2026-11-21 09:00 JST",
            Columns =
            [
                new("No.", Width: 8), new("部門", Width: 20), new("管理策", Width: 36), new("判定", Width: 10),
                new("期限", Width: 12, Kind: XlsxKind.Date), new("回答日時", Width: 16), new("得点", Width: 8, Kind: XlsxKind.Percent),
                new("指摘件数", Width: 8), new("完了"), new("コメント", Width: 40),
            ],
        });
        for (var i = 0; i < rows; i++)
        {
            await sheet.AddRowAsync(
                i + 1, departments[i % departments.Length], controls[i % controls.Length], statuses[i % statuses.Length],
                start.AddDays(i % 365), generated.AddMinutes(-i), (i % 101) / 100.0, i % 7, i % 3 == 0,
                $"コメント {i}: 手順書を改訂し、担当者へ周知した。");
        }

        await book.CompleteAsync();
    }
    else
    {
        await using var csv = new CsvWriter(file);
        await csv.WriteRowAsync("No.", "部門", "管理策", "判定", "期限", "回答日時", "得点", "指摘件数", "完了", "コメント");
        for (var i = 0; i < rows; i++)
        {
            await csv.WriteRowAsync(
                i + 1, departments[i % departments.Length], controls[i % controls.Length], statuses[i % statuses.Length],
                start.AddDays(i % 365), generated.AddMinutes(-i), (i % 101) / 100.0, i % 7, i % 3 == 0,
                $"コメント {i}: 手順書を改訂し、担当者へ周知した。");
        }
    }
}

watch.Stop();
var size = new FileInfo(path).Length;
if (!keep)
{
    File.Delete(path);
}

using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{mode}: {rows:N0} rows × 10 columns in {watch.Elapsed.TotalSeconds:F2} s, {size / 1048576.0:F1} MB file, peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
return 0;
