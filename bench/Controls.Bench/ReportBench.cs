using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.Bench;

/// <summary>
/// Issue 6's targets, on a fresh database of the provider under test (<see cref="BenchDatabase"/>)
/// seeded by `seed bench` (N departments × 36 monthly inspections × the full APPI catalog):
/// <list type="bullet">
/// <item>the dashboard's fiscal-year view through the real HTTP pipeline (median of 20 requests,
/// target &lt; 150 ms); the figures alone (<see cref="ComplianceReport.RunAsync"/>); and the
/// database's own time for them: the SQL commands one <c>RunAsync</c> sends, captured and run again
/// directly on a connection, one after the other, every row read (<see cref="SqlReplay"/>);</item>
/// <item>the management-review workbook for the last complete fiscal year in this process (target
/// &lt; 10 s; the peak is reset just before, via /proc/self/clear_refs, so the seeding does not count),
/// and the same workbook as the command an operator runs (<c>export management-review</c> of the
/// app's binary, workstation GC as scripts/controls runs it) in its own process, timed with
/// /usr/bin/time: wall time and peak resident set of the whole command (target &lt; 200 MB).</item>
/// </list>
/// `bench/run [--provider sqlite|postgresql] report [departments] [years]`
/// </summary>
public static class ReportBench
{
    private const string Password = "bench passphrase 2026";

    public static async Task<int> RunAsync(int departments, int years)
    {
        await using var database = await BenchDatabase.CreateAsync("bench_report");
        var label = database.Label;
        await using var app = InspectionBench.BuildApp(database);
        await app.MigrateSqliteOnStartAsync();   // as Program.cs does before serving
        if (!database.Reused)
        {
            // Before the host starts: its start-up work (e.g. protecting stored user tokens) reads the schema.
            await InspectionBench.Cli(app.Services, "db", "migrate");
        }

        await app.StartAsync();
        var services = app.Services;
        if (!database.Reused)
        {
            await InspectionBench.Cli(services, "catalog", "import", "--built-in", Path.Combine(InspectionBench.FindRoot(), "checklists", "appi-security-measures.yaml"));
            var seedOutput = await InspectionBench.Cli(services, "seed", "bench", "--departments", departments.ToString(CultureInfo.InvariantCulture), "--years", years.ToString(CultureInfo.InvariantCulture));
            Console.Write($"{label} seed: " + seedOutput);
        }

        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var manager = new AppUser { UserName = "management@bench.example", Email = "management@bench.example", DisplayName = "経営層", CreatedAt = DateTimeOffset.UtcNow };
            if (await users.FindByEmailAsync(manager.Email) is null)
            {
                await users.CreateAsync(manager, Password);
                await users.AddToRoleAsync(manager, Roles.Management);
            }
        }

        // Cookies kept (antiforgery, sign-in), redirects not followed: as a browser session.
        using var client = new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler { InnerHandler = app.GetTestServer().CreateHandler() })
        {
            BaseAddress = new Uri("http://localhost"),
        };
        await InspectionBench.SignInAsync(client, "management@bench.example", Password);
        var now = DateTime.UtcNow.AddHours(9);
        var year = ReportPeriod.FiscalYearOf(DateOnly.FromDateTime(now), 4) - 1;
        var url = $"/Dashboard?period=FY{year}";
        var warm = await client.GetAsync(url);
        if (!warm.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"GET {url}: {(int)warm.StatusCode}");
            return 1;
        }

        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var one = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        var page = Median(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} dashboard: FY{year}, {departments} departments, 20 requests: median {page:F1} ms, min {times.Min():F1} ms, max {times.Max():F1} ms (target median < 150 ms)"));

        // The figures alone (database and aggregation, no page rendering).
        var filter = new ReportFilter(ReportPeriod.FiscalYear(year, 4));
        var figureTimes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            using var scope = services.CreateScope();
            var report = scope.ServiceProvider.GetRequiredService<ComplianceReport>();
            var one = Stopwatch.StartNew();
            await report.RunAsync(filter);
            figureTimes.Add(one.Elapsed.TotalMilliseconds);
        }

        var figures = Median(figureTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} dashboard figures only (ComplianceReport.RunAsync): median {figures:F1} ms"));

        // The database's own time: the same SQL, run directly.
        List<SqlReplay.Command> commands;
        using (var scope = services.CreateScope())
        {
            commands = await SqlReplay.CaptureAsync(() => scope.ServiceProvider.GetRequiredService<ComplianceReport>().RunAsync(filter));
        }

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Controls.Web.Data.AppDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var (total, each) = await SqlReplay.TimeAsync(connection, commands, 20);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label} dashboard SQL alone ({commands.Count} commands one after the other, every row read): median {total:F1} ms; page / SQL = {page / total:F1}, figures / SQL = {figures / total:F1}"));
            foreach (var (command, ms) in each.OrderByDescending(e => e.Median).Take(4))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {ms,7:F1} ms  {command.Summary}"));
            }

            if (Environment.GetEnvironmentVariable("CONTROLS_BENCH_PLANS") is not null)
            {
                foreach (var command in commands)
                {
                    Console.WriteLine(await SqlReplay.PlanAsync(connection, command));
                }
            }

            await db.Database.CloseConnectionAsync();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeak();
        var path = Path.Combine(Path.GetTempPath(), $"controls-bench-review-{Environment.ProcessId}.xlsx");
        var watch = Stopwatch.StartNew();
        var before = Process.GetCurrentProcess().WorkingSet64;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            using var scope = services.CreateScope();
            var workbook = scope.ServiceProvider.GetRequiredService<ManagementReviewWorkbook>();
            await workbook.WriteAsync(file, filter, "ja");
        }

        watch.Stop();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var size = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} workbook in the bench process: FY{year}: {watch.Elapsed.TotalSeconds:F2} s, {size / 1048576.0:F1} MB file, working set before {before / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB"));

        await CommandAsync(database, filter.Period, label);
        return 0;
    }

    /// <summary>
    /// <c>export management-review</c> as its own process: the app's binary (built in Release beside
    /// this bench), the content root and workstation GC as scripts/controls sets them, under
    /// /usr/bin/time for the wall time and the whole process's peak resident set.
    /// </summary>
    private static async Task CommandAsync(BenchDatabase database, ReportPeriod period, string label)
    {
        var root = InspectionBench.FindRoot();
        var app = Path.Combine(root, "src", "Controls.Web", "bin", "Release", "net10.0", "Controls.Web.dll");
        if (!File.Exists(app) || !File.Exists("/usr/bin/time"))
        {
            Console.WriteLine($"{label} workbook command: skipped ({app} or /usr/bin/time missing)");
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"controls-bench-review-cli-{Environment.ProcessId}.xlsx");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[]
        {
            "-f", "TIME %e s wall, %U s user, %M kB peak RSS", "dotnet", app, "export", "management-review",
            "--from", period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--to", period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--lang", "ja", "--out", path,
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(root, "src", "Controls.Web");
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Database__Provider"] = database.ProviderSetting;
        start.Environment["ConnectionStrings__Controls"] = database.ConnectionString;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        await output;
        var time = error.Split('\n').LastOrDefault(l => l.StartsWith("TIME ", StringComparison.Ordinal));
        if (child.ExitCode != 0 || time is null)
        {
            Console.WriteLine($"{label} workbook command: failed ({child.ExitCode}): {error}");
            return;
        }

        var kb = long.Parse(time.Split(',')[2].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var size = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} workbook command (export management-review, own process): {time[5..]} = {kb / 1024.0:F0} MB, {size / 1048576.0:F1} MB file (targets < 10 s, < 200 MB)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Linux: resets the process's peak resident set size (VmHWM), so the peak measured is the workbook's.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The SQL an operation sends, captured from EF Core's diagnostics and run again directly.</summary>
    internal static class SqlReplay
    {
        public sealed record Command(string Text, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters)
        {
            public string Summary => string.Join(' ', Text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())) is var one && one.Length > 110 ? one[..110] + "…" : one;
        }

        public static async Task<List<Command>> CaptureAsync(Func<Task> operation)
        {
            var captured = new List<Command>();
            using var observer = new Observer(captured);
            using (DiagnosticListener.AllListeners.Subscribe(observer))
            {
                await operation();
            }

            lock (captured)
            {
                return [.. captured];
            }
        }

        /// <summary>Median of the sum over <paramref name="runs"/> runs, and each command's median.</summary>
        public static async Task<(double Total, List<(Command Command, double Median)> Each)> TimeAsync(DbConnection connection, List<Command> commands, int runs)
        {
            var totals = new List<double>();
            var each = commands.Select(_ => new List<double>()).ToList();
            for (var run = -1; run < runs; run++)
            {
                double sum = 0;
                for (var c = 0; c < commands.Count; c++)
                {
                    await using var command = Create(connection, commands[c]);
                    var watch = Stopwatch.StartNew();
                    await using (var reader = await command.ExecuteReaderAsync())
                    {
                        var values = new object[reader.FieldCount];
                        while (await reader.ReadAsync())
                        {
                            reader.GetValues(values);
                        }
                    }

                    var ms = watch.Elapsed.TotalMilliseconds;
                    if (run >= 0)
                    {
                        each[c].Add(ms);
                        sum += ms;
                    }
                }

                if (run >= 0)
                {
                    totals.Add(sum);
                }
            }

            return (Median(totals), commands.Select((c, i) => (c, Median(each[i]))).ToList());
        }

        /// <summary>The engine's plan for a command (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).</summary>
        public static async Task<string> PlanAsync(DbConnection connection, Command captured)
        {
            var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
            await using var command = Create(connection, captured with { Text = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ANALYZE ") + captured.Text });
            var text = new System.Text.StringBuilder("---- " + captured.Summary + "\n");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(sqlite ? $"{reader.GetValue(1)} {reader.GetValue(3)}" : reader.GetString(0));
            }

            return text.ToString();
        }

        private static DbCommand Create(DbConnection connection, Command captured)
        {
            var command = connection.CreateCommand();
            command.CommandText = captured.Text;
            foreach (var (name, value, type) in captured.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                if (type != System.Data.DbType.Object && value is not (Array or System.Collections.IList))
                {
                    parameter.DbType = type;
                }

                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return command;
        }

        private sealed class Observer(List<Command> captured) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
        {
            private readonly List<IDisposable> subscriptions = [];

            public void OnNext(DiagnosticListener listener)
            {
                if (listener.Name == DbLoggerCategory.Name)
                {
                    subscriptions.Add(listener.Subscribe(this));
                }
            }

            public void OnNext(KeyValuePair<string, object?> value)
            {
                if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name
                    && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
                {
                    var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType)).ToList();
                    lock (captured)
                    {
                        captured.Add(new Command(data.Command.CommandText, parameters));
                    }
                }
            }

            public void OnCompleted()
            {
            }

            public void OnError(Exception error)
            {
            }

            public void Dispose()
            {
                foreach (var subscription in subscriptions)
                {
                    subscription.Dispose();
                }
            }
        }
    }
}
