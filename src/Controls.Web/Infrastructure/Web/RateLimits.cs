using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Controls.Web.Infrastructure.Web;

/// <summary>
/// Limits on what an attacker would repeat (README, "Rate limits"): sign-in attempts per client
/// address (password spraying) and per account, and file exports and downloads per user. Fixed
/// windows, all configurable under <c>RateLimits</c>; a refused request gets the 429 page in the
/// user's language saying when to try again (<see cref="RetryAfterItem"/>).
/// </summary>
public static class RateLimits
{
    public const string RetryAfterItem = "controls.retry-after";

    private static readonly string[] SignInPages = ["/Account/SignIn", "/Account/SignInTwoFactor", "/Account/SignInRecoveryCode"];

    /// <summary>Page handlers that produce a file (lists' CSV/Excel, workbooks, reports, evidence, statement versions).</summary>
    private static readonly HashSet<string> DownloadHandlers = new(["Export", "Xlsx", "Workbook", "Download", "Evidence"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] DownloadPages = ["/Reports/Distribution/Download", "/Catalog/Download"];

    public sealed record Limit(int Permits, TimeSpan Window);

    public static void AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = Read(configuration, "SignIn:PerAddress", 100, "SignIn:WindowSeconds", 600);
        var perAccount = Read(configuration, "SignIn:PerAccount", 10, "SignIn:WindowSeconds", 600);
        var downloads = Read(configuration, "Downloads:PerUser", 30, "Downloads:WindowSeconds", 60);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignInAttempt(http)
                    ? Fixed("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), perAddress)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignInAttempt(http) && SignInEmail(http) is { } email
                    ? Fixed("account:" + email, perAccount)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsDownload(http) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                    ? Fixed("downloads:" + user, downloads)
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Items[RetryAfterItem] = seconds;
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>The sign-in form is read before the limiter, so the account it names can be counted.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app
        .Use(async (http, next) =>
        {
            if (IsSignInAttempt(http) && http.Request.HasFormContentType)
            {
                try
                {
                    await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
                {
                    // A malformed form: counted per address only; the page answers it as usual.
                }
            }

            await next(http);
        })
        .UseRateLimiter();

    private static RateLimitPartition<string> Fixed(string key, Limit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool IsSignInAttempt(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && SignInPages.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The account the password step names (the second-factor steps are counted per address; wrong codes lock the account out).</summary>
    private static string? SignInEmail(HttpContext http)
    {
        if (http.Request.HasFormContentType && http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            && form["Input.Email"].ToString().Trim() is { Length: > 0 } email)
        {
            return email.ToUpperInvariant();
        }

        return null;
    }

    private static bool IsDownload(HttpContext http) =>
        DownloadHandlers.Contains(http.Request.Query["handler"].ToString())
        || DownloadPages.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static Limit Read(IConfiguration configuration, string permitsKey, int permits, string windowKey, int windowSeconds) =>
        new(Math.Max(1, configuration.GetValue("RateLimits:" + permitsKey, permits)),
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("RateLimits:" + windowKey, windowSeconds))));
}
