using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// Sign-ins, refused sign-ins and refused requests (403) in the audit trail: who (the user, or the
/// e-mail typed), from which address, on which path, when, and the outcome. Never the password.
/// Normal requests cost nothing: entries are written only for these events.
/// </summary>
public static class AccessTrail
{
    public const string SignInEntity = "SignIn";
    public const string RequestEntity = "Request";

    /// <summary>Set once a sign-in attempt of the request is recorded (the sign-in page's filter then adds nothing).</summary>
    private const string RecordedKey = "controls:signin-recorded";

    /// <summary>
    /// The password was right and a second factor is due: nothing to record yet (the second step is
    /// recorded), and the account is not unknown.
    /// </summary>
    public static void SecondFactorDue(HttpContext http) => http.Items[RecordedKey] = true;

    public static async Task SignInAsync(HttpContext http, AppUser? user, string email, AuditAction action, string outcome)
    {
        http.Items[RecordedKey] = true;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        await AuditTrailRecords.AppendAsync(db, new AuditTrailEntry
        {
            At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            UserId = user?.Id,
            Actor = Truncate(user?.Email ?? email, 256),
            Entity = SignInEntity,
            EntityKey = user?.Id.ToString() ?? "",
            Action = action,
            Changes = Fields(http, ("email", Truncate(email, 256)), ("outcome", outcome)),
        }, CancellationToken.None);
    }

    /// <summary>A request answered 403 Forbidden, as the signed-in user.</summary>
    public static async Task RefusedAsync(HttpContext http)
    {
        var actor = http.RequestServices.GetRequiredService<CurrentActor>();
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        await AuditTrailRecords.AppendAsync(db, new AuditTrailEntry
        {
            At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            UserId = actor.UserId,
            Actor = Truncate(http.User.Identity?.IsAuthenticated == true ? actor.Name : "anonymous", 256),
            Entity = RequestEntity,
            EntityKey = Truncate(http.Request.Path.Value ?? "", 100),
            Action = AuditAction.Forbidden,
            Changes = Fields(http, ("method", http.Request.Method)),
        }, CancellationToken.None);
    }

    /// <summary>Records every response with status 403 (place before the status-code pages, so a re-executed request is not counted twice).</summary>
    public static IApplicationBuilder UseRefusedRequestTrail(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            await RefusedAsync(http);
        }
    });

    private static string Fields(HttpContext http, params (string Name, string Value)[] fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ip"] = http.Connection.RemoteIpAddress?.ToString() ?? "",
            ["path"] = Truncate(http.Request.Path.Value ?? "", 2000),
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return System.Text.Json.JsonSerializer.Serialize(values);
    }

    private static string Truncate(string text, int length) =>
        (text.Length > length ? text[..length] : text).Replace("\0", "", StringComparison.Ordinal);

    /// <summary>
    /// The sign-in page answers an unknown e-mail without asking the sign-in manager: this filter
    /// records that attempt (valid form, nothing recorded by <c>ControlsSignInManager</c>).
    /// </summary>
    public sealed class UnknownAccountFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var valid = context.ModelState.IsValid;
            var executed = await next();
            var http = context.HttpContext;
            if (valid && HttpMethods.IsPost(http.Request.Method) && executed.Exception is null
                && !http.Items.ContainsKey(RecordedKey) && http.Request.HasFormContentType)
            {
                var email = http.Request.Form["Input.Email"].ToString();
                if (email.Length > 0)
                {
                    await SignInAsync(http, null, email, AuditAction.SignInFail, "UnknownAccount");
                }
            }
        }
    }
}
