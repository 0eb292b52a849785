using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Controls.BrowserTests;

/// <summary>The app on a real Kestrel port with the demo organisation, and a headless Debian Chromium.</summary>
public sealed class BrowserApp : ControlsApp
{
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Controls.Web.App.CommandLine.RunAsync(Services,
            ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        using (var scope = Services.CreateScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(RepositoryRoot.File("seeds", "demo-organisation.yaml"));
            Assert.True(seeded.Created, seeded.Error);
        }

        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var dir = RepositoryRoot.File("artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
