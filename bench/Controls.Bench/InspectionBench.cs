using System.Diagnostics;
using System.Globalization;
using Controls.Web.App;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Schedules;
using Controls.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controls.Bench;

/// <summary>
/// Issue 4's targets, measured on a fresh database: one generation run for N departments × 5
/// quarterly schedules over the full APPI catalog (target &lt; 10 s), and the inspection form for
/// the full catalog through the real HTTP pipeline (target: median &lt; 100 ms).
/// `bench/run [--provider sqlite|postgresql] inspections [departments]` (<see cref="BenchDatabase"/>).
/// </summary>
public static class InspectionBench
{
    public static async Task<int> RunAsync(int departments)
    {
        await using var database = await BenchDatabase.CreateAsync("bench");
        await using var app = BuildApp(database);
        await app.MigrateSqliteOnStartAsync();   // as Program.cs does before serving
        await app.StartAsync();
        var services = app.Services;
        await Cli(services, "db", "migrate");
        var root = FindRoot();
        await Cli(services, "catalog", "import", "--built-in", Path.Combine(root, "checklists", "appi-security-measures.yaml"));
        var (head, inspectionDepartment) = await ArrangeAsync(services, departments);

        // One firing: 5 schedules × N departments, all due at the same instant.
        var asOf = new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var watch = Stopwatch.StartNew();
        GenerateDueInspections.Result result;
        using (var scope = services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<GenerateDueInspections>().RunAsync(asOf);
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Label} generate: {departments} departments x 5 schedules: {result.Created} inspections created in {watch.Elapsed.TotalSeconds:F2} s (target < 10 s)"));

        // The inspection form for the full catalog, as its department head, through the HTTP pipeline.
        var client = new HttpClient(new CookieHandler { InnerHandler = app.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
        await SignInAsync(client, head);
        Guid inspectionId;
        await using (var db = database.Context())
        {
            inspectionId = await db.Inspections.Where(i => i.DepartmentId == inspectionDepartment).Select(i => i.Id).FirstAsync();
        }

        var url = $"/Inspections/Answer/{inspectionId}";
        var warm = await client.GetAsync(url);
        if (!warm.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"GET {url}: {(int)warm.StatusCode}");
            return 1;
        }

        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var one = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var items = await ItemCountAsync(database);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Label} form: full APPI catalog ({items} check items), 200 requests: median {times[100]:F1} ms, p90 {times[180]:F1} ms (target median < 100 ms)"));
        return 0;
    }

    internal static WebApplication BuildApp(BenchDatabase database)
    {
        // ApplicationName: MVC finds the pages in the assembly named here (the app, not this bench).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(FindRoot(), "src", "Controls.Web"),
            ApplicationName = typeof(Controls.Web.SharedResource).Assembly.GetName().Name,
        });
        builder.Configuration[DatabaseSettings.ProviderKey] = database.ProviderSetting;
        builder.Configuration["ConnectionStrings:Controls"] = database.ConnectionString;
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("CONTROLS_BENCH_SQL_LOG") is not null)
        {
            builder.Logging.AddConsole();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        }
        builder.WebHost.UseTestServer();
        builder.AddDatabase(serving: true);   // the web app's database settings (its jobs stay off)
        builder.AddAccounts();
        builder.AddPages();
        builder.AddFeatures();
        builder.AddSeeding(command: true);   // it runs `seed bench` on these services, as the command line does
        builder.AddScheduler(runJobs: false);
        var app = builder.Build();
        app.UseControls();
        return app;
    }

    /// <summary>N leaf departments under one division, a head for the first, and 5 quarterly schedules for all departments.</summary>
    private static async Task<(AppUser Head, Guid Department)> ArrangeAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var division = new Department { Id = Guid.NewGuid(), Code = "DIV", NameJa = "本部", NameEn = "Division" };
        db.Departments.Add(division);
        var departments = Enumerable.Range(1, count).Select(n => new Department
        {
            Id = Guid.NewGuid(),
            Code = $"D{n:D4}",
            NameJa = $"部門{n}",
            NameEn = $"Department {n}",
            ParentId = division.Id,
        }).ToList();
        db.Departments.AddRange(departments);
        var catalog = await db.Catalogs.Select(c => c.Id).SingleAsync();
        for (var s = 1; s <= 5; s++)
        {
            db.InspectionSchedules.Add(new InspectionSchedule
            {
                Id = Guid.NewGuid(),
                Name = $"Schedule {s}",
                CatalogId = catalog,
                Targets = ScheduleTargets.AllDepartments,
                Recurrence = ScheduleRecurrence.Quarterly,
                DueDays = 14,
                StartsOn = new DateOnly(2027, 4, 1),
                TimeZone = "Asia/Tokyo",
                Status = ScheduleStatus.Active,
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var head = new AppUser { UserName = "head@bench.example", Email = "head@bench.example", DisplayName = "部門責任者", DepartmentId = departments[0].Id, CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(head, BenchPassword);
        await users.AddToRoleAsync(head, Roles.DepartmentHead);
        return (head, departments[0].Id);
    }

    private const string BenchPassword = "bench passphrase 2026";

    private static Task SignInAsync(HttpClient client, AppUser user) => SignInAsync(client, user.Email!, BenchPassword);

    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var signInPage = await client.GetAsync("/Account/SignIn");
        if (!signInPage.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /Account/SignIn: {(int)signInPage.StatusCode} {signInPage.Headers.Location}");
        }

        var page = await signInPage.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException("sign-in failed: " + (int)response.StatusCode);
        }
    }

    /// <summary>Keeps cookies between requests, as a browser does (TestServer's own client does not).</summary>
    private sealed class CookieHandler : DelegatingHandler
    {
        private readonly System.Net.CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    _cookies.SetCookies(request.RequestUri!, cookie);
                }
            }

            return response;
        }
    }

    private static async Task<int> ItemCountAsync(BenchDatabase database)
    {
        await using var db = database.Context();
        return await db.CheckItems.CountAsync();
    }

    internal static async Task<string> Cli(IServiceProvider services, params string[] args)
    {
        var error = new StringWriter();
        var output = new StringWriter();
        if (await CommandLine.RunAsync(services, args, new StringReader(""), output, error) != 0)
        {
            throw new InvalidOperationException(string.Join(' ', args) + ": " + error);
        }

        return output.ToString();
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Controls.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Controls.sln not found");
    }
}
