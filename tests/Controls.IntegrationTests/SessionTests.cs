using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// Sessions and cookies (README, "Sessions and cookies"): behind a TLS proxy the cookies are Secure,
/// a session ends at its absolute lifetime however active, and signing out kills every copy of the cookie.
/// The app sits behind a "proxy" at 10.0.0.5 (a known network) and runs on a clock the test sets.
/// </summary>
public class SessionTests(SessionTests.App app) : IClassFixture<SessionTests.App>
{
    public sealed class App : ControlsApp
    {
        public TestClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownNetworks", "10.0.0.0/8");
            builder.UseSetting("Accounts:AbsoluteSessionHours", "1");
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, ThroughProxy>();
        }
    }

    /// <summary>Every request reaches the app from the proxy's address, as it would behind a TLS-terminating proxy.</summary>
    public sealed class ThroughProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private (HttpClient Client, CookieContainer Jar) ClientWithJar()
    {
        var jar = new CookieContainer();
        return (app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar)), jar);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_sign_in_cookie_is_refused()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (client, jar) = ClientWithJar();
        var signedIn = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/", signedIn.RedirectPath());

        // Someone copies the cookie (a shared computer, a stolen backup of the browser profile).
        var stolen = jar.GetCookieHeader(new Uri("http://localhost/"));
        var thief = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", stolen);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/")).StatusCode);

        var home = await client.GetPageAsync("/");
        Assert.Equal("/Account/SignIn", (await client.SubmitFormAsync(home, [], "form[action='/Account/SignOut']")).RedirectPath());

        var refused = await thief.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/SignIn", refused.RedirectPath());
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_active_the_user_is()
    {
        try
        {
            var start = DateTimeOffset.UtcNow;
            app.Clock.Set(start);
            var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
            var client = await app.SignInAsync(user);

            app.Clock.Set(start.AddMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);   // active: the cookie slides

            app.Clock.Set(start.AddMinutes(61));
            var expired = await client.GetAsync("/");
            Assert.StartsWith("/Account/SignIn", expired.RedirectPath());
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookies_are_secure_and_http_only()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);

        // The client talks plain http to the app, as the proxy does; it carries the cookies by hand
        // (a cookie jar would keep Secure cookies off an http connection).
        async Task<List<string>> SignInCookies(string? forwardedProto)
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            if (forwardedProto is not null)
            {
                client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
                client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
            }

            var page = await client.GetAsync("/Account/SignIn");
            var form = await HttpForms.ParseAsync(page);
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var pageCookies = page.Headers.GetValues("Set-Cookie").ToList();
            using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
            {
                Content = new FormUrlEncodedContent([new("Input.Email", user.Email!), new("Input.Password", ControlsApp.Password), new("__RequestVerificationToken", token)]),
            };
            post.Headers.Add("Cookie", string.Join("; ", pageCookies.Select(c => c.Split(';')[0])));
            var response = await client.SendAsync(post);
            Assert.Equal("/", response.RedirectPath());
            return [.. pageCookies, .. response.Headers.GetValues("Set-Cookie")];
        }

        var tls = await SignInCookies("https");
        var auth = tls.Single(c => c.StartsWith("controls.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        var antiforgery = tls.First(c => c.StartsWith("controls.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", tls.Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // Plain http on a workstation (scripts/run): the browser would drop Secure cookies, so they are not.
        var plain = await SignInCookies(null);
        Assert.DoesNotContain("secure", plain.Single(c => c.StartsWith("controls.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }
}
