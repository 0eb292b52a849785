using System.Globalization;
using System.Net;
using Controls.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// The sign-in cookie's life (README, "Sessions and cookies"): it slides while the user works
/// (<c>Accounts:SlidingSessionHours</c>, 8), ends at the latest <c>Accounts:AbsoluteSessionHours</c>
/// (12) after the sign-in however active the user is, and is refused on the next request once the
/// user signs out (sign-out changes the security stamp, checked on every request, so a copied cookie
/// dies with the session) or is deactivated.
/// </summary>
public static class Sessions
{
    private const string SignedInAt = "controls.signed_in_at";

    public static void Configure(CookieAuthenticationOptions options, IConfiguration configuration)
    {
        var sliding = TimeSpan.FromHours(configuration.GetValue("Accounts:SlidingSessionHours", 8.0));
        var absolute = TimeSpan.FromHours(configuration.GetValue("Accounts:AbsoluteSessionHours", 12.0));
        options.ExpireTimeSpan = sliding < absolute ? sliding : absolute;
        options.SlidingExpiration = true;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecurePolicy(configuration);

        options.Events.OnSigningIn = context =>
        {
            // A new sign-in (password, second factor); a refresh or renewal keeps the first instant.
            context.Properties.Items.TryAdd(SignedInAt, Clock(context.HttpContext).GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };

        var validateStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsCurrentAsync(context, absolute))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validateStamp(context);
        };
    }

    /// <summary>Secure cookies whenever the request arrived over TLS (also through a proxy, by forwarded headers); <c>Cookies:AlwaysSecure</c> forces them.</summary>
    public static CookieSecurePolicy SecurePolicy(IConfiguration configuration) =>
        configuration.GetValue<bool>("Cookies:AlwaysSecure") ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static TimeProvider Clock(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>();

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context, TimeSpan absolute)
    {
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || Clock(context.HttpContext).GetUtcNow() - signedInAt > absolute)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirst(claimTypes.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claimTypes.SecurityStampClaimType)?.Value;
        if (!Guid.TryParse(id, out var userId) || stamp is null)
        {
            return false;
        }

        // One indexed read per request: a signed-out (stamp changed) or deactivated user's cookie stops at once.
        var db = services.GetRequiredService<AppDbContext>();
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && u.IsActive);
    }

    /// <summary>
    /// Behind a TLS-terminating proxy: <c>ForwardedHeaders:KnownProxies</c> (addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8) name the proxies whose
    /// X-Forwarded-For/-Proto are believed, so the app sees the client's address (rate limits) and
    /// https (Secure cookies). Without them only a proxy on the same machine (loopback) is believed.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    /// <summary>A list setting given as an array (appsettings.json) or as one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
