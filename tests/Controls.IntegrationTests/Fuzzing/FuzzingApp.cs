using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// The app on a real Kestrel port (so a response the HTTP writer cannot send shows as a broken
/// response, as a browser would see it) with the built-in catalogues and the demo organisation,
/// plus a delegate and a user with no role.
/// </summary>
public sealed class FuzzingApp : ControlsApp
{
    public const string DemoPassword = "Controls-Demo-2026";

    /// <summary>The accounts the fuzzer signs in as: one per role, a delegate and a user with no role.</summary>
    public List<(string Role, AppUser User, string Password)> Accounts { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Controls.Web.App.CommandLine.RunAsync(Services,
            ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml"),
                RepositoryRoot.File("checklists", "jisq15001-pms.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        using (var scope = Services.CreateScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(RepositoryRoot.File("seeds", "demo-organisation.yaml"));
            Assert.True(seeded.Created, seeded.Error);
        }

        foreach (var (role, email) in new[]
                 {
                     ("Administrator", "admin@sakura.example"), ("ComplianceOfficer", "privacy@sakura.example"),
                     ("Auditor", "audit@sakura.example"), ("Management", "exec@sakura.example"), ("DepartmentHead", "sato@sakura.example"),
                 })
        {
            Accounts.Add((role, await QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email)), DemoPassword));
        }

        // Administrators must use two-factor authentication: the demo's turns it on (SignInAsync answers the code).
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var admin = (await users.FindByEmailAsync("admin@sakura.example"))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
        }

        var head = Accounts.Single(a => a.Role == "DepartmentHead").User;
        var delegateUser = await CreateUserAsync([], head.DepartmentId, "delegate@fuzz.example");
        await using (var db = Db())
        {
            db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = head.DepartmentId!.Value, UserId = delegateUser.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        Accounts.Add(("Delegate", delegateUser, Password));
        Accounts.Add(("NoRole", await CreateUserAsync([], head.DepartmentId, "norole@fuzz.example"), Password));
    }

    private Task<List<(string Role, HttpClient Client, List<Crawler.Page> Pages)>>? _crawl;

    /// <summary>Each account signed in, with the pages it reaches (crawled once for the tests of the class).</summary>
    public Task<List<(string Role, HttpClient Client, List<Crawler.Page> Pages)>> CrawlAsync() => _crawl ??= CrawlAllAsync();

    private async Task<List<(string Role, HttpClient Client, List<Crawler.Page> Pages)>> CrawlAllAsync()
    {
        var result = new List<(string, HttpClient, List<Crawler.Page>)>();
        foreach (var (role, user, password) in Accounts)
        {
            var client = await SignInAsync(user, password);
            result.Add((role, client, await Crawler.CrawlAsync(client)));
        }

        return result;
    }

    /// <summary>A browser-like client of the Kestrel port: its own cookies, redirects not followed.</summary>
    public override HttpClient Anonymous()
    {
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(address),
        };
    }

    /// <summary>
    /// No jobs run here: the fuzzer compares every table's rows before and after each refused post, and a
    /// reminder or delivery job firing on the hour (they do in every app that runs jobs) would change them.
    /// </summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(Controls.Web.App.AppSetup.RunJobsKey, "false");
    }

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
    }
}
