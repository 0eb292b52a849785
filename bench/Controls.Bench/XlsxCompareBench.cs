using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Controls.Web.Infrastructure.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;

namespace Controls.Bench;

/// <summary>
/// ClosedXML 0.95.4 against our streaming <see cref="XlsxWriter"/>, writing the same workbooks
/// (docs/adr/0011-excel-writer.md): "table", rows × 10 columns (text, numbers, dates; title rows,
/// header style, frozen pane, autofilter, widths), and "review", the management-review workbook's
/// seven sheets with generated data of a fiscal year whose Answers sheet has `rows` rows. Each
/// writer writes each workbook in a child process of its own (`xlsx-compare-one WRITER SHAPE ROWS
/// FILE`), which reports the write's wall and CPU time and the process's peak resident set (VmHWM), so one
/// writer's heap never counts in the other's peak. The parent then reads both files back
/// (Open XML SDK for the package, ExcelDataReader for every row) and checks that they hold the same
/// sheets, row counts, headers and last rows.
/// `bench/run xlsx-compare 100000` (no database).
/// </summary>
public static class XlsxCompareBench
{
    private static readonly string[] Writers = ["streaming", "closedxml"];
    private static readonly string[] Shapes = ["table", "review"];

    public static async Task<int> RunAsync(int rows)
    {
        var directory = Directory.CreateTempSubdirectory("controls-xlsx-compare-");
        var failed = false;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"xlsx-compare: {rows:N0} rows, .NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}, each writer in its own process"));
            foreach (var shape in Shapes)
            {
                var contents = new List<List<SheetContent>>();
                foreach (var writer in Writers)
                {
                    var path = Path.Combine(directory.FullName, $"{shape}-{writer}.xlsx");
                    var (result, processSeconds) = await RunChildAsync(writer, shape, rows, path);
                    if (result is null)
                    {
                        Console.Error.WriteLine($"{shape} {writer}: the child process failed");
                        failed = true;
                        continue;
                    }

                    var sheets = ReadBack(path);
                    contents.Add(sheets);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{shape,-6} {writer,-9}: write {result["write_s"]} s (CPU {result["cpu_s"]} s; whole process {processSeconds:F2} s), peak RSS {result["peak_mb"]} MB (at start {result["start_mb"]} MB), allocated {result["alloc_mb"]} MB, file {result["size_mb"]} MB; read back: {string.Join(", ", sheets.Select(s => $"{s.Name} {s.Rows:N0}"))} rows"));
                    File.Delete(path);
                }

                if (contents.Count == 2)
                {
                    var differences = Differences(contents[0], contents[1]);
                    var expected = shape == "table" ? rows + 3 : 0;
                    var answers = contents.Select(c => c.FirstOrDefault(s => s.Name == AnswersSheet)?.Rows ?? c[0].Rows).Distinct().ToList();
                    if (shape == "table" && contents.Any(c => c[0].Rows != expected))
                    {
                        differences.Add($"expected {expected:N0} rows (title, subtitle, header and {rows:N0})");
                    }
                    else if (shape == "review" && answers.Any(n => n != rows + 3))
                    {
                        differences.Add($"expected {rows + 3:N0} rows in {AnswersSheet}");
                    }

                    Console.WriteLine(differences.Count == 0
                        ? $"{shape,-6} same content: sheets, row counts, header and last row of every sheet equal"
                        : $"{shape,-6} DIFFERENT: {string.Join("; ", differences)}");
                    failed |= differences.Count > 0;
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return failed ? 1 : 0;
    }

    /// <summary>The child: writes one workbook with one writer and prints its figures as <c>key=value</c> on one line.</summary>
    public static async Task<int> RunOneAsync(string writer, string shape, int rows, string path)
    {
        if (!Writers.Contains(writer) || !Shapes.Contains(shape))
        {
            Console.Error.WriteLine($"usage: xlsx-compare-one {string.Join('|', Writers)} {string.Join('|', Shapes)} ROWS FILE");
            return 2;
        }

        var start = Status("VmRSS");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await using IBook book = writer == "streaming" ? new StreamingBook(file) : new ClosedXmlBook(file);
            if (shape == "table")
            {
                await WriteTableAsync(book, rows);
            }
            else
            {
                await WriteReviewAsync(book, rows);
            }

            await book.CompleteAsync();
        }

        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"write_s={watch.Elapsed.TotalSeconds:F2} cpu_s={cpu.TotalSeconds:F2} peak_mb={Status("VmHWM") / 1024.0:F0} start_mb={start / 1024.0:F0} alloc_mb={allocated / 1048576.0:F0} size_mb={new FileInfo(path).Length / 1048576.0:F1}"));
        return 0;
    }

    private static async Task<(Dictionary<string, string>? Result, double Seconds)> RunChildAsync(string writer, string shape, int rows, string path)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(XlsxCompareBench).Assembly.Location);
        }

        foreach (var argument in new[] { "xlsx-compare-one", writer, shape, rows.ToString(CultureInfo.InvariantCulture), path })
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        watch.Stop();
        if (child.ExitCode != 0)
        {
            Console.Error.Write(output);
            return (null, watch.Elapsed.TotalSeconds);
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var result = line.Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (result, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The 1-minute load average (Linux): the wall times mean little on a busy machine; CPU time and peak memory less so.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>A line of /proc/self/status in kB (VmHWM: the peak resident set so far), or the runtime's figure elsewhere.</summary>
    private static long Status(string key)
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return (key == "VmHWM" ? process.PeakWorkingSet64 : process.WorkingSet64) / 1024;
    }

    private sealed record SheetContent(string Name, int Rows, string Header, string Last);

    /// <summary>
    /// Opens the package with the Open XML SDK (workbook, sheets) and reads every row of every
    /// sheet with ExcelDataReader: non-empty rows, and the header (4th) and last rows as text.
    /// </summary>
    private static List<SheetContent> ReadBack(string path)
    {
        List<string> names;
        using (var document = SpreadsheetDocument.Open(path, isEditable: false))
        {
            names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<SheetContent>();
        do
        {
            var count = 0;
            var header = "";
            var last = "";
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetValue(i);
                }

                if (values.All(v => v is null))
                {
                    continue;
                }

                count++;
                if (reader.Depth == 3)
                {
                    header = string.Join('|', values.Select(XlsxReading.Text));
                }

                last = string.Join('|', values.Select(XlsxReading.Text));
            }

            sheets.Add(new SheetContent(reader.Name, count, header, last));
        }
        while (reader.NextResult());

        if (!names.SequenceEqual(sheets.Select(s => s.Name)))
        {
            throw new InvalidDataException($"{path}: the Open XML SDK reads sheets {string.Join(", ", names)}, ExcelDataReader {string.Join(", ", sheets.Select(s => s.Name))}");
        }

        return sheets;
    }

    private static List<string> Differences(List<SheetContent> a, List<SheetContent> b)
    {
        var differences = new List<string>();
        if (!a.Select(s => s.Name).SequenceEqual(b.Select(s => s.Name)))
        {
            differences.Add("sheet names differ");
            return differences;
        }

        foreach (var (x, y) in a.Zip(b))
        {
            if (x.Rows != y.Rows)
            {
                differences.Add($"{x.Name}: {x.Rows} rows against {y.Rows}");
            }

            if (x.Header != y.Header)
            {
                differences.Add($"{x.Name}: header [{x.Header}] against [{y.Header}]");
            }

            if (x.Last != y.Last)
            {
                differences.Add($"{x.Name}: last row [{x.Last}] against [{y.Last}]");
            }
        }

        return differences;
    }

    // ---- The two workbooks ----

    private static readonly string[] Departments = ["営業部", "人事部", "経理部", "情報システム部", "総務部", "Legal & Compliance"];
    private static readonly string[] Controls = ["個人データ取扱台帳の整備", "アクセス権限の定期見直し", "委託先の監督（契約・点検）", "Clean desk, locked cabinets"];
    private static readonly string[] Judgements = ["適合", "一部不適合", "不適合", "該当なし"];
    private static readonly DateOnly FiscalYearStart = new(2025, 4, 1);
    private static readonly DateTime Generated = new(2026, 11, 21, 9, 0, 0);

    /// <summary>As `bench/run xlsx`: rows × 10 columns of Japanese and Latin text, dates, date-times, numbers, percentages, booleans.</summary>
    private static async Task WriteTableAsync(IBook book, int rows)
    {
        var sheet = book.AddSheet("Answers", new SheetOptions
        {
            Title = "回答一覧 2026年度",
            Subtitle = "Generated 2026-11-21 09:00 JST",
            Columns =
            [
                new("No.", Width: 8), new("部門", Width: 20), new("管理策", Width: 36), new("判定", Width: 10),
                new("期限", Width: 12, Kind: XlsxKind.Date), new("回答日時", Width: 16, Kind: XlsxKind.DateTime), new("得点", Width: 8, Kind: XlsxKind.Percent),
                new("指摘件数", Width: 8), new("完了"), new("コメント", Width: 40),
            ],
        });
        for (var i = 0; i < rows; i++)
        {
            await sheet.AddRowAsync(
                i + 1, Departments[i % Departments.Length], Controls[i % Controls.Length], Judgements[i % Judgements.Length],
                FiscalYearStart.AddDays(i % 365), Generated.AddMinutes(-i), (i % 101) / 100.0, i % 7, i % 3 == 0,
                $"コメント {i}: 手順書を改訂し、担当者へ周知した。");
        }
    }

    private const string AnswersSheet = "回答";
    private const int ItemsPerInspection = 96;

    /// <summary>
    /// The sheets, columns, widths and kinds of <c>ManagementReviewWorkbook</c> (Japanese), with
    /// generated rows in proportion to a fiscal year of monthly self-inspections of the full APPI
    /// catalog (96 items): `answers` answers, answers/96 inspections, inspections/12 departments,
    /// one finding per 100 answers, one corrective action per 200, an audit per two departments,
    /// two contractors per department.
    /// </summary>
    private static async Task WriteReviewAsync(IBook book, int answers)
    {
        var inspections = Math.Max(1, answers / ItemsPerInspection);
        var departments = Math.Max(1, inspections / 12);
        var findings = Math.Max(1, answers / 100);
        var actions = Math.Max(1, answers / 200);
        var audits = Math.Max(1, departments / 2);
        var contractors = departments * 2;
        const string title = "マネジメントレビュー資料 2025/04/01〜2026/03/31";
        const string subtitle = "作成日時: 2026/11/21 09:00（Asia/Tokyo）";
        static SheetOptions Options(string sheet, params XlsxColumn[] columns) => new() { Title = $"{title} — {sheet}", Subtitle = subtitle, Columns = columns };
        static XlsxColumn Col(string header, double width, XlsxKind kind = XlsxKind.General) => new(header, width, kind);
        string Department(int i) => $"D{i % departments:000} {Departments[i % Departments.Length]}{i % departments}";
        string Item(int i) => $"M-{i % ItemsPerInspection / 7 + 1}.{i % 7 + 1}";
        string Question(int i) => $"{Controls[i % Controls.Length]}について、規程に定めた手順どおりに実施し、その記録を保管していますか（項目 {i % ItemsPerInspection + 1}）";

        // Summary: headline figures, then the heatmap (departments × 8 categories and the total, each with its change) with colour scales.
        var summary = book.AddSheet("概要", new SheetOptions { Title = $"{title} — 概要", Subtitle = subtitle });
        await summary.AddRowAsync("対象期間", FiscalYearStart, FiscalYearStart.AddYears(1).AddDays(-1));
        await summary.AddRowAsync("前期間", FiscalYearStart.AddYears(-1), FiscalYearStart.AddDays(-1));
        await summary.AddRowAsync("全体の適合率 (%)", 87.4, 84.9, 2.5);
        foreach (var (label, value) in new[] { ("期限内に提出", inspections * 8 / 10), ("期限後に提出", inspections / 10), ("期限超過", inspections / 20), ("未着手", inspections / 20), ("未完了の是正処置", actions / 3), ("期限超過の是正処置", actions / 10), ("見直し期限の委託先", contractors / 10), ("期間中の指摘", findings) })
        {
            await summary.AddRowAsync(label, value);
        }

        await summary.AddRowAsync("未完了の指摘", findings / 4, findings / 8, findings / 16, findings / 16);
        foreach (var classification in new[] { "重大な不適合", "軽微な不適合", "観察事項", "改善の機会" })
        {
            await summary.AddRowAsync("  " + classification, findings / 4, findings / 16, findings / 32, findings / 64, findings / 64);
        }

        await summary.AddRowAsync();
        await summary.AddRowAsync("部門別・分類別の適合率（前期間との差）");
        var categories = new[] { "基本方針", "取扱規程", "組織的", "人的", "物理的", "技術的", "外的環境", "委託先の監督" };
        var header = new List<object?> { "事業部", "部門" };
        foreach (var category in categories)
        {
            header.Add(category + " (%)");
            header.Add("差");
        }

        header.Add("部門の適合率 (%)");
        header.Add("差");
        await summary.AddRowAsync(header.ToArray());
        var firstHeatmapRow = summary.LastRowNumber + 1;
        for (var d = 0; d < departments; d++)
        {
            var row = new List<object?> { $"DIV{d / 10:00} 第{d / 10 + 1}事業部", Department(d) };
            for (var c = 0; c <= categories.Length; c++)
            {
                row.Add(d % 17 == c ? null : 50.0 + ((d * 7 + c * 13) % 51));
                row.Add(d % 17 == c ? null : (((d + c) % 11) - 5) * 1.5);
            }

            await summary.AddRowAsync(row.ToArray());
        }

        var last = summary.LastRowNumber;
        summary.AddColorScale(string.Join(' ', Enumerable.Range(0, categories.Length + 1).Select(i => (char)('C' + (2 * i)))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c}{firstHeatmapRow}:{c}{last}"))));

        var statuses = new[] { "承認済み", "提出済み", "差戻し", "回答中", "未着手" };
        var sheet = book.AddSheet("自己点検", Options("自己点検",
            Col("事業部", 22), Col("部門", 22), Col("委託先", 22), Col("チェックリスト", 30),
            Col("対象期間の開始", 12, XlsxKind.Date), Col("対象期間の終了", 12, XlsxKind.Date), Col("期限", 12, XlsxKind.Date),
            Col("状況", 12), Col("提出日時", 17, XlsxKind.DateTime), Col("確認日時", 17, XlsxKind.DateTime), Col("適合率", 10, XlsxKind.Percent)));
        for (var i = 0; i < inspections; i++)
        {
            var month = FiscalYearStart.AddMonths(i % 12);
            var submitted = i % 20 == 0 ? (DateTimeOffset?)null : new DateTimeOffset(month.AddMonths(1).ToDateTime(new TimeOnly(10, i % 60)), TimeSpan.FromHours(9));
            await sheet.AddRowAsync(
                $"DIV{i / 12 % departments / 10:00} 第{i / 12 % departments / 10 + 1}事業部", Department(i / 12), i % 9 == 0 ? $"委託先 {i % 40} 株式会社" : null,
                "個人情報保護法ガイドライン（通則編）安全管理措置 2025年版", month, month.AddMonths(1).AddDays(-1), month.AddMonths(1).AddDays(14),
                statuses[i % statuses.Length], submitted, submitted?.AddDays(3), submitted is null ? null : (i % 41 + 60) / 100.0);
        }

        var values = new[] { "はい", "一部", "いいえ", "該当なし" };
        sheet = book.AddSheet(AnswersSheet, Options(AnswersSheet,
            Col("部門", 22), Col("対象期間の開始", 12, XlsxKind.Date), Col("対象期間の終了", 12, XlsxKind.Date),
            Col("管理策", 10), Col("管理策名", 30), Col("項目", 10), Col("質問", 50),
            Col("回答", 10), Col("コメント", 40), Col("証跡数", 10)));
        for (var a = 0; a < answers; a++)
        {
            var i = a / ItemsPerInspection;
            var month = FiscalYearStart.AddMonths(i % 12);
            await sheet.AddRowAsync(
                Department(i / 12), month, month.AddMonths(1).AddDays(-1), $"M-{a % ItemsPerInspection / 7 + 1}", Controls[a % Controls.Length],
                Item(a), Question(a), values[a % values.Length], a % 5 == 0 ? $"{a % 28 + 1}日に確認。鍵付きキャビネット, 施錠記録あり; 次回は台帳を更新する。" : null,
                a % 13 == 0 ? a % 3 + 1 : 0);
        }

        sheet = book.AddSheet("指摘事項", Options("指摘事項",
            Col("部門", 22), Col("監査", 24), Col("管理策", 10), Col("項目", 10),
            Col("区分", 16), Col("指摘", 40), Col("指摘の状況", 10), Col("指摘日", 12, XlsxKind.Date),
            Col("経過日数", 10), Col("是正処置の状況", 12), Col("期限", 12, XlsxKind.Date), Col("期限超過", 10)));
        var classifications = new[] { "重大な不適合", "軽微な不適合", "観察事項", "改善の機会" };
        for (var f = 0; f < findings; f++)
        {
            var raised = FiscalYearStart.AddDays(f * 365 / findings);
            await sheet.AddRowAsync(
                Department(f), $"2025年度 内部監査 第{f % 4 + 1}回", $"M-{f % 14 + 1}", Item(f), classifications[f % 4],
                $"アクセス権限の棚卸し記録が {f % 12 + 1} か月分ありません。退職者のアカウントが残っていました。", f % 3 == 0 ? "完了" : "未完了",
                raised, 600 - (f * 365 / findings), f % 4 == 3 ? null : "実施中", f % 4 == 3 ? null : raised.AddDays(60), f % 6 == 0);
        }

        sheet = book.AddSheet("改善・是正処置", Options("改善・是正処置",
            Col("部門", 22), Col("項目", 40), Col("処置", 40), Col("担当者", 18),
            Col("期限", 12, XlsxKind.Date), Col("状況", 12), Col("経過日数", 10), Col("期限超過", 10)));
        for (var c = 0; c < actions; c++)
        {
            await sheet.AddRowAsync(
                Department(c), $"{Item(c)} {Question(c)}", "権限の棚卸しを毎月実施し、記録を部門長が確認する手順を規程に追加する。",
                $"担当者 {c % 50}", FiscalYearStart.AddDays(c % 365 + 30), c % 2 == 0 ? "実施中" : "完了", c % 400, c % 7 == 0);
        }

        sheet = book.AddSheet("内部監査", Options("内部監査",
            Col("監査", 30), Col("範囲", 36), Col("実施期間の開始", 12, XlsxKind.Date), Col("実施期間の終了", 12, XlsxKind.Date),
            Col("主任監査人", 18), Col("状況", 12), Col("結果数", 10), Col("指摘数", 10), Col("未完了の指摘", 10)));
        for (var a = 0; a < audits; a++)
        {
            var start = FiscalYearStart.AddDays(a * 360 / audits);
            await sheet.AddRowAsync(
                $"2025年度 内部監査 {Department(a * 2)}", $"{Department(a * 2)}, {Department((a * 2) + 1)}", start, start.AddDays(14),
                $"監査人 {a % 8}", a % 5 == 0 ? "計画" : "完了", 40 + (a % 20), a % 9, a % 4);
        }

        sheet = book.AddSheet("委託先", Options("委託先",
            Col("委託先", 26), Col("部門", 22), Col("委託業務", 30), Col("国・地域", 10),
            Col("プライバシーマーク", 12, XlsxKind.Date), Col("ISMS", 12, XlsxKind.Date), Col("契約開始", 12, XlsxKind.Date),
            Col("契約終了", 12, XlsxKind.Date), Col("状況", 12), Col("最後の監督", 12, XlsxKind.Date), Col("見直し期限", 10)));
        for (var c = 0; c < contractors; c++)
        {
            await sheet.AddRowAsync(
                $"委託先 {c:000} 株式会社", Department(c / 2), "給与計算, 顧客データの保管; 発送代行", c % 10 == 0 ? "JP, US" : "JP",
                c % 3 == 0 ? null : new DateOnly(2027, (c % 12) + 1, 1), c % 4 == 0 ? new DateOnly(2026, (c % 12) + 1, 15) : null,
                new DateOnly(2020 + (c % 5), 4, 1), c % 6 == 0 ? null : new DateOnly(2027, 3, 31), c % 20 == 0 ? "終了" : "有効",
                c % 7 == 0 ? null : FiscalYearStart.AddMonths(c % 12).AddDays(-1), c % 10 == 0);
        }
    }

    // ---- The writers behind one small interface ----

    private interface IBook : IAsyncDisposable
    {
        IBookSheet AddSheet(string name, SheetOptions options);

        ValueTask CompleteAsync();
    }

    private interface IBookSheet
    {
        int LastRowNumber { get; }

        ValueTask AddRowAsync(params object?[] cells);

        void AddColorScale(string sqref);
    }

    private sealed class StreamingBook(Stream output) : IBook
    {
        private readonly XlsxWriter book = new(output);

        public IBookSheet AddSheet(string name, SheetOptions options) => new Sheet(book.AddSheet(name, options));

        public ValueTask CompleteAsync() => book.CompleteAsync();

        public ValueTask DisposeAsync() => book.DisposeAsync();

        private sealed class Sheet(XlsxSheet sheet) : IBookSheet
        {
            public int LastRowNumber => sheet.LastRowNumber;

            public ValueTask AddRowAsync(params object?[] cells) => sheet.AddRowAsync(cells);

            public void AddColorScale(string sqref) => sheet.AddColorScale(sqref);
        }
    }

    /// <summary>
    /// The same layout with ClosedXML as its documentation shows it: title and subtitle rows, the
    /// header styled as a range, number formats and widths per column, rows frozen, an autofilter
    /// over header and data, colour scales; one <c>SaveAs</c> at the end (the whole workbook is
    /// held in memory until then). No <c>AdjustToContents</c>: the widths are given (it would need
    /// libgdiplus).
    /// </summary>
    private sealed class ClosedXmlBook(Stream output) : IBook
    {
        private readonly XLWorkbook workbook = new();
        private readonly List<Sheet> sheets = [];

        public IBookSheet AddSheet(string name, SheetOptions options)
        {
            var sheet = new Sheet(workbook.Worksheets.Add(name), options);
            sheets.Add(sheet);
            return sheet;
        }

        public ValueTask CompleteAsync()
        {
            foreach (var sheet in sheets)
            {
                sheet.Finish();
            }

            workbook.SaveAs(output);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            workbook.Dispose();
            return ValueTask.CompletedTask;
        }

        private sealed class Sheet : IBookSheet
        {
            private readonly IXLWorksheet sheet;
            private readonly int columns;
            private readonly int headerRow;
            private readonly List<string> colorScales = [];

            public Sheet(IXLWorksheet sheet, SheetOptions options)
            {
                this.sheet = sheet;
                columns = options.Columns.Count;
                var row = 0;
                if (options.Title is { } title)
                {
                    row++;
                    var cell = sheet.Cell(row, 1);
                    cell.SetValue(title);
                    cell.Style.Font.Bold = true;
                    cell.Style.Font.FontSize = 14;
                }

                if (options.Subtitle is { } subtitle)
                {
                    row++;
                    sheet.Cell(row, 1).SetValue(subtitle);
                }

                var firstTableRow = row == 0 ? 1 : row + 2;
                if (columns == 0)
                {
                    LastRowNumber = firstTableRow - 1;
                    return;
                }

                headerRow = firstTableRow;
                for (var i = 0; i < columns; i++)
                {
                    var column = options.Columns[i];
                    if (column.Width is { } width)
                    {
                        sheet.Column(i + 1).Width = width;
                    }

                    var format = column.Kind switch
                    {
                        XlsxKind.Date => "yyyy/mm/dd",
                        XlsxKind.DateTime => "yyyy/mm/dd hh:mm",
                        XlsxKind.Percent => "0.0%",
                        _ => null,
                    };
                    if (format is not null)
                    {
                        sheet.Column(i + 1).Style.NumberFormat.Format = format;
                    }

                    sheet.Cell(headerRow, i + 1).SetValue(column.Header);
                }

                var header = sheet.Range(headerRow, 1, headerRow, columns);
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
                header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
                sheet.SheetView.FreezeRows(headerRow);
                LastRowNumber = headerRow;
            }

            public int LastRowNumber { get; private set; }

            public ValueTask AddRowAsync(params object?[] cells)
            {
                var row = sheet.Row(++LastRowNumber);
                for (var i = 0; i < cells.Length; i++)
                {
                    var cell = row.Cell(i + 1);
                    switch (cells[i])
                    {
                        case null:
                            break;
                        case string text:
                            cell.SetValue(text);
                            break;
                        case bool flag:
                            cell.SetValue(flag);
                            break;
                        case int number:
                            cell.SetValue(number);
                            break;
                        case double number:
                            cell.SetValue(number);
                            break;
                        case DateOnly date:
                            cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                            break;
                        case DateTime dateTime:
                            cell.SetValue(dateTime);
                            break;
                        case DateTimeOffset instant:
                            cell.SetValue(instant.DateTime);
                            break;
                        case var other:
                            cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                            break;
                    }
                }

                return ValueTask.CompletedTask;
            }

            public void AddColorScale(string sqref) => colorScales.Add(sqref);

            public void Finish()
            {
                if (headerRow > 0)
                {
                    sheet.Range(headerRow, 1, Math.Max(LastRowNumber, headerRow), columns).SetAutoFilter();
                }

                foreach (var range in colorScales.SelectMany(s => s.Split(' ')))
                {
                    sheet.Range(range).AddConditionalFormat().ColorScale()
                        .Minimum(XLCFContentType.Number, "50", XLColor.FromHtml("#F8696B"))
                        .Midpoint(XLCFContentType.Number, "75", XLColor.FromHtml("#FFEB84"))
                        .Maximum(XLCFContentType.Number, "100", XLColor.FromHtml("#63BE7B"));
                }
            }
        }
    }
}
