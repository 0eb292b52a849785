using System.Diagnostics;
using System.Globalization;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Controls.Bench;

/// <summary>
/// Issue 6's targets, on a fresh database seeded by `seed bench` (N departments × 36 monthly
/// inspections × the full APPI catalog): the dashboard's fiscal-year view through the real HTTP
/// pipeline (median of 20 requests, target &lt; 150 ms) and the management-review workbook for the
/// last complete fiscal year (target &lt; 10 s, peak working set &lt; 200 MB; the peak is reset just
/// before, via /proc/self/clear_refs, so the seeding does not count).
/// `CONTROLS_BENCH_SERVER="Host=…;Port=…;Username=…;Password=…" dotnet run -c Release --project bench/Controls.Bench -- report [departments] [years]`
/// </summary>
public static class ReportBench
{
    private const string Password = "bench passphrase 2026";

    public static async Task<int> RunAsync(int departments, int years)
    {
        var server = Environment.GetEnvironmentVariable("CONTROLS_BENCH_SERVER");
        if (string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("set CONTROLS_BENCH_SERVER to a PostgreSQL server connection string (no database): the bench creates its own database");
            return 2;
        }

        var database = $"bench_report_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await InspectionBench.ExecuteAsync(server + ";Database=postgres", $"CREATE DATABASE {database}");
        var connectionString = $"{server};Database={database}";
        try
        {
            await using var app = InspectionBench.BuildApp(connectionString);
            await app.StartAsync();
            var services = app.Services;
            await InspectionBench.Cli(services, "db", "migrate");
            await InspectionBench.Cli(services, "catalog", "import", "--built-in", Path.Combine(InspectionBench.FindRoot(), "checklists", "appi-security-measures.yaml"));
            var seedOutput = await InspectionBench.Cli(services, "seed", "bench", "--departments", departments.ToString(CultureInfo.InvariantCulture), "--years", years.ToString(CultureInfo.InvariantCulture));
            Console.Write("seed: " + seedOutput);

            using (var scope = services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var manager = new AppUser { UserName = "management@bench.example", Email = "management@bench.example", DisplayName = "経営層", CreatedAt = DateTimeOffset.UtcNow };
                await users.CreateAsync(manager, Password);
                await users.AddToRoleAsync(manager, Roles.Management);
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

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard: FY{year}, {departments} departments, 20 requests: median {times[10]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms (target median < 150 ms)"));

            // The figures alone (database and aggregation, no page rendering).
            var figureTimes = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                using var scope = services.CreateScope();
                var report = scope.ServiceProvider.GetRequiredService<ComplianceReport>();
                var one = Stopwatch.StartNew();
                await report.RunAsync(new ReportFilter(ReportPeriod.FiscalYear(year, 4)));
                figureTimes.Add(one.Elapsed.TotalMilliseconds);
            }

            figureTimes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard figures only (ComplianceReport.RunAsync): median {figureTimes[10]:F1} ms"));

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
                await workbook.WriteAsync(file, new ReportFilter(ReportPeriod.FiscalYear(year, 4)), "ja");
            }

            watch.Stop();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var size = new FileInfo(path).Length;
            File.Delete(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workbook: FY{year}: {watch.Elapsed.TotalSeconds:F2} s, {size / 1048576.0:F1} MB file, working set before {before / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB (targets < 10 s, < 200 MB)"));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await InspectionBench.ExecuteAsync(server + ";Database=postgres", $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
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
}
