using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Home;
using Controls.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.Bench;

/// <summary>
/// The home page per role (issue 13: median &lt; 100 ms) on the bench dataset (`seed bench`: N
/// departments in divisions of 50, 3 years of monthly inspections): for a department head, a
/// division head (50 departments below), a compliance officer, an auditor, management and an
/// administrator, the page through the real HTTP pipeline (signed in; not the administrator, whose
/// sign-in needs a second factor) and the query class alone (<see cref="HomeWork.ForAsync"/> for the
/// user's real claims). 30 requests each after a warm-up: median and p95.
/// `bench/run [--provider sqlite|postgresql] home [departments] [years]`
/// </summary>
public static class HomeBench
{
    private const string Password = "bench passphrase 2026";
    private const int Runs = 30;

    public static async Task<int> RunAsync(int departments, int years)
    {
        await using var database = await BenchDatabase.CreateAsync("bench_home");
        var label = database.Label;
        await using var app = InspectionBench.BuildApp(database);
        await app.MigrateSqliteOnStartAsync();
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

        Guid department, division;
        await using (var db = database.Context())
        {
            department = await db.Departments.Where(d => d.Code == "B0001").Select(d => d.Id).SingleAsync();
            division = await db.Departments.Where(d => d.Code == "B0D01").Select(d => d.Id).SingleAsync();
        }

        (string Role, string Email, string[] Roles, Guid? Department)[] people =
        [
            ("department head", "head@bench.example", [Roles.DepartmentHead], department),
            ("division head", "division@bench.example", [Roles.DepartmentHead], division),
            ("compliance officer", "privacy@bench.example", [Roles.ComplianceOfficer], null),
            ("auditor", "auditor@bench.example", [Roles.Auditor], null),
            ("management", "management@bench.example", [Roles.Management], null),
            ("administrator", "admin@bench.example", [Roles.Administrator], null),
        ];
        var principals = new Dictionary<string, ClaimsPrincipal>();
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            foreach (var person in people)
            {
                if (await users.FindByEmailAsync(person.Email) is not { } user)
                {
                    user = new AppUser { UserName = person.Email, Email = person.Email, DisplayName = person.Role, DepartmentId = person.Department, CreatedAt = DateTimeOffset.UtcNow };
                    await users.CreateAsync(user, Password);
                    await users.AddToRolesAsync(user, person.Roles);
                }

                principals[person.Role] = await signIn.CreateUserPrincipalAsync(user);
            }
        }

        Console.WriteLine($"{label} home page, {departments} departments, {years} years, {Runs} requests each (target median < 100 ms):");
        var failed = false;
        foreach (var person in people)
        {
            var http = "";
            if (!person.Roles.Contains(Roles.Administrator))
            {
                using var client = new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler { InnerHandler = app.GetTestServer().CreateHandler() })
                {
                    BaseAddress = new Uri("http://localhost"),
                };
                await InspectionBench.SignInAsync(client, person.Email, Password);
                var warm = await client.GetAsync("/");
                if (!warm.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"GET / as {person.Role}: {(int)warm.StatusCode}");
                    return 1;
                }

                var times = new List<double>();
                for (var i = 0; i < Runs; i++)
                {
                    var one = Stopwatch.StartNew();
                    using var response = await client.GetAsync("/");
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(one.Elapsed.TotalMilliseconds);
                }

                failed |= Percentile(times, 50) >= 100;
                http = string.Create(CultureInfo.InvariantCulture, $"page (HTTP) median {Percentile(times, 50),6:F1} ms, p95 {Percentile(times, 95),6:F1} ms; ");
            }

            var queryTimes = new List<double>();
            for (var i = 0; i < Runs + 1; i++)
            {
                using var scope = services.CreateScope();
                var work = scope.ServiceProvider.GetRequiredService<HomeWork>();
                var one = Stopwatch.StartNew();
                await work.ForAsync(principals[person.Role]);
                if (i > 0)
                {
                    queryTimes.Add(one.Elapsed.TotalMilliseconds);
                }
            }

            failed |= Percentile(queryTimes, 50) >= 100;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {person.Role,-19} {http}HomeWork.ForAsync median {Percentile(queryTimes, 50),6:F1} ms, p95 {Percentile(queryTimes, 95),6:F1} ms"));
        }

        return failed ? 1 : 0;
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
