using System.Net;
using System.Text.Json;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>Health, error pages and security headers.</summary>
public class PlatformTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task Health_reports_the_database_and_the_scheduler()
    {
        // The Hangfire server announces itself in the job store a moment after start, so right
        // after start /health may still answer 503 for a moment.
        var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        for (var attempt = 0; attempt < 50 && response.StatusCode == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(200);
            response = await client.GetAsync("/health");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404_in_the_users_language()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id, language: "en");
        var client = await app.SignInAsync(user);
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HttpForms.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("[data-testid=status-title]")!.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
    }

    [Fact]
    public async Task Unknown_addresses_reveal_nothing_to_anonymous_visitors()
    {
        var response = await app.Anonymous().GetAsync("/no/such/page");
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.RedirectPath());
    }

    [Fact]
    public async Task The_status_page_reached_directly_is_a_plain_404()
    {
        var response = await app.Anonymous().GetAsync("/StatusCode?code=500");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_content_security_policy_without_inline_scripts()
    {
        var response = await app.Anonymous().GetAsync("/Account/SignIn");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var page = await HttpForms.ParseAsync(response);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script found"));
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_rejected()
    {
        var response = await app.Anonymous().PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@test.example",
            ["Input.Password"] = "whatever-it-is",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Times_are_shown_in_the_organisations_time_zone_as_the_footer_says()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/");
        Assert.Contains("Asia/Tokyo", page.QuerySelector("footer")!.TextContent);
    }
}

/// <summary>A node whose Hangfire server does not run.</summary>
public class NoJobServerApp : ControlsApp
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveJobServer();
    }
}

/// <summary>Health turns 503 when this node's job server is not running (own app: it runs no server).</summary>
public class HealthWithoutJobServerTests(NoJobServerApp app) : IClassFixture<NoJobServerApp>
{
    [Fact]
    public async Task Health_is_503_when_this_nodes_job_server_is_not_running()
    {
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"scheduler\":{\"status\":\"Unhealthy\"", body);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body);
    }
}

/// <summary>The container exactly as the served app builds it: no command line, no demo switch.</summary>
public class ServedOnlyApp : ControlsApp
{
    protected override bool RunsCommands => false;
}

/// <summary>The seeders are registered only for the command line or the demo switch (own app: the served container).</summary>
public class ServedAppTests(ServedOnlyApp app) : IClassFixture<ServedOnlyApp>
{
    [Fact]
    public void The_served_app_holds_no_seeders()
    {
        using var scope = app.Services.CreateScope();
        Assert.Null(scope.ServiceProvider.GetService<Controls.Web.Seeding.DemoSeed>());
        Assert.Null(scope.ServiceProvider.GetService<Controls.Web.Seeding.BenchSeed>());
        Assert.Null(scope.ServiceProvider.GetService<Controls.Web.Seeding.CreateAdministrator>());
    }
}
