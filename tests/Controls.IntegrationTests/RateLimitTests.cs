using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// Rate limits (README, "Rate limits") with small numbers and long windows, so nothing depends on
/// timing: each test uses its own client addresses (X-Forwarded-For through the known proxy) and accounts.
/// </summary>
public class RateLimitTests(RateLimitTests.App app) : IClassFixture<RateLimitTests.App>
{
    public sealed class App : ControlsApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownNetworks", "10.0.0.0/8");
            builder.UseSetting("RateLimits:SignIn:PerAddress", "3");
            builder.UseSetting("RateLimits:SignIn:PerAccount", "2");
            builder.UseSetting("RateLimits:SignIn:WindowSeconds", "600");
            builder.UseSetting("RateLimits:Downloads:PerUser", "2");
            builder.UseSetting("RateLimits:Downloads:WindowSeconds", "600");
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SessionTests.ThroughProxy>();
    }

    private HttpClient From(string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> TrySignIn(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = "Spring2026-password" });

    [Fact]
    public async Task Password_spraying_from_one_address_is_refused_with_a_page_that_says_when_to_try_again()
    {
        var attacker = From("203.0.113.10");
        for (var i = 0; i < 3; i++)
        {
            var tried = await TrySignIn(attacker, $"victim{i}-{Guid.NewGuid():N}@test.example");
            Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        }

        var refused = await TrySignIn(attacker, $"victim-{Guid.NewGuid():N}@test.example");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        var page = await HttpForms.ParseAsync(refused);
        Assert.Equal("しばらくしてからお試しください", page.QuerySelector("[data-testid=status-title]")!.TextContent);
        Assert.Matches(@"\d+ 秒後（\d\d:\d\d 頃）にもう一度お試しください。", page.QuerySelector("main")!.TextContent);

        var inEnglish = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        inEnglish.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        inEnglish.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = await HttpForms.ParseAsync(await inEnglish.PostAsync("/Account/SignIn",
            new FormUrlEncodedContent([new("Input.Email", "someone@test.example"), new("Input.Password", "x")])));
        Assert.Matches(@"Please try again in \d+ seconds \(around \d\d:\d\d\)\.", english.QuerySelector("main")!.TextContent);

        // Another address is not affected.
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var colleague = From("203.0.113.11");
        var signedIn = await colleague.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/", signedIn.RedirectPath());
    }

    [Fact]
    public async Task Attempts_on_one_account_from_many_addresses_are_refused()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        Assert.Equal(HttpStatusCode.OK, (await TrySignIn(From("198.51.100.1"), user.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TrySignIn(From("198.51.100.2"), user.Email!.ToUpperInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TrySignIn(From("198.51.100.3"), user.Email!)).StatusCode);
    }

    [Fact]
    public async Task Exports_are_limited_per_user()
    {
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(officer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Contractors?handler=Export&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Ledger?handler=Export")).StatusCode);
        var refused = await client.GetAsync("/Contractors?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("にもう一度お試しください。", (await HttpForms.ParseAsync(refused)).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Contractors")).StatusCode);   // pages still work

        var colleague = await app.CreateUserAsync([Roles.ComplianceOfficer], (await app.CreateDepartmentAsync()).Id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(colleague)).GetAsync("/Contractors?handler=Export&format=csv")).StatusCode);
    }
}
