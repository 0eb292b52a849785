using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// Every named handler and every POST of every page, for every role, a delegate, a user with no role
/// and an anonymous visitor. The handlers are discovered from the compiled page models, so a new one
/// cannot be forgotten: it must be listed in <see cref="Handlers"/>. Who may use a handler is the
/// page's audience (<see cref="AuthorizationTests.Audience"/>, the mirror of PageAccess, where
/// authorization is declared) unless an exception is declared here.
/// </summary>
public class HandlerAuthorizationTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    /// <summary>Audit-trail entries that record a change of a record (not a sign-in or a refused request).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Controls.Web.Domain.AuditTrailEntry, bool>> Changes =
        e => e.Action == Controls.Web.Domain.AuditAction.Insert || e.Action == Controls.Web.Domain.AuditAction.Update || e.Action == Controls.Web.Domain.AuditAction.Delete;

    private const string Public = "public";
    private const string SignedIn = "signed-in";

    /// <summary>Every handler of every page ("GET", "GET Xlsx", "POST", "POST Toggle" …): the test fails when one is missing or extra.</summary>
    public static readonly Dictionary<string, string[]> Handlers = new()
    {
        ["/Account/Lockout"] = ["GET"],
        ["/Account/Manage/ChangePassword"] = ["GET", "POST"],
        ["/Account/Manage/EnableAuthenticator"] = ["GET", "POST", "POST Reset"],
        ["/Account/Manage/Index"] = ["GET"],
        ["/Account/Manage/RecoveryCodes"] = ["GET"],
        ["/Account/Manage/TwoFactor"] = ["GET", "POST Disable", "POST ResetRecoveryCodes"],
        ["/Account/SignIn"] = ["GET", "POST"],
        ["/Account/SignInRecoveryCode"] = ["GET", "POST"],
        ["/Account/SignInTwoFactor"] = ["GET", "POST"],
        ["/Account/SignOut"] = ["GET", "POST"],
        ["/Actions/Index"] = ["GET", "GET Export", "POST UpdateStatus"],
        ["/Admin/AuditTrail/Index"] = ["GET", "GET Export", "POST Verify"],
        ["/Admin/Departments/Create"] = ["GET", "POST"],
        ["/Admin/Departments/Edit"] = ["GET", "POST", "POST Reactivate", "POST Retire"],
        ["/Admin/Departments/Index"] = ["GET", "GET Export"],
        ["/Admin/Outbox/Index"] = ["GET", "GET Export", "POST Retry", "POST RetryAll"],
        ["/Admin/Settings/Index"] = ["GET", "POST"],
        ["/Admin/Users/Create"] = ["GET", "POST"],
        ["/Admin/Users/Edit"] = ["GET", "POST", "POST Deactivate", "POST Reactivate", "POST SetPassword", "POST Unlock"],
        ["/Admin/Users/Index"] = ["GET", "GET Export"],
        ["/Audits/Calendar"] = ["GET", "GET Export", "POST"],
        ["/Audits/Create"] = ["GET", "POST"],
        ["/Audits/Edit"] = ["GET", "POST", "POST Status"],
        ["/Audits/Feed"] = ["GET"],
        ["/Audits/Fieldwork"] = ["GET", "POST DeleteEvidence", "POST Finding", "POST Recheck", "POST Test", "POST UploadEvidence"],
        ["/Audits/Finding"] = ["GET", "POST Close", "POST DeleteEvidence", "POST UploadEvidence", "POST Verify"],
        ["/Audits/Findings"] = ["GET", "GET Export"],
        ["/Audits/FollowUp"] = ["GET", "POST"],
        ["/Audits/Index"] = ["GET", "GET Export"],
        ["/Audits/Programme"] = ["GET", "POST Approve", "POST Close", "POST Reopen", "POST Submit"],
        ["/Audits/Report"] = ["GET", "GET Evidence", "GET Xlsx"],
        ["/Audits/Rules"] = ["GET", "POST", "POST Deactivate", "POST Plan"],
        ["/Catalog/Download"] = ["GET"],
        ["/Catalog/Edit"] = ["GET", "POST MoveItem", "POST MoveMeasure", "POST RetireItem", "POST RetireMeasure"],
        ["/Catalog/EditItem"] = ["GET", "POST"],
        ["/Catalog/EditMeasure"] = ["GET", "POST"],
        ["/Catalog/Index"] = ["GET"],
        ["/Catalog/Mapping"] = ["GET"],
        ["/Catalog/Measure"] = ["GET"],
        ["/Catalog/Upload"] = ["GET", "POST Check", "POST Import"],
        ["/Contractors/Create"] = ["GET", "POST"],
        ["/Contractors/Details"] = ["GET"],
        ["/Contractors/Edit"] = ["GET", "POST"],
        ["/Contractors/Index"] = ["GET", "GET Export"],
        ["/Dashboard/Index"] = ["GET", "GET Workbook"],
        ["/Error"] = ["GET", "POST"],
        ["/Incidents/Create"] = ["GET", "POST"],
        ["/Incidents/Details"] = ["GET", "POST Action", "POST Decide", "POST Reports"],
        ["/Incidents/Edit"] = ["GET", "POST"],
        ["/Incidents/Index"] = ["GET", "GET Export"],
        ["/Index"] = ["GET"],
        ["/Inspections/Answer"] = ["GET", "GET Evidence", "POST DeleteAction", "POST DeleteEvidence", "POST SaveAction", "POST SaveAnswer", "POST Submit", "POST UploadEvidence"],
        ["/Inspections/Delegates"] = ["GET", "POST Add", "POST Remove"],
        ["/Inspections/Index"] = ["GET", "GET Export"],
        ["/Inspections/Review/Decide"] = ["GET", "POST Accept", "POST Return"],
        ["/Inspections/Review/Index"] = ["GET", "GET Export"],
        ["/Language/Index"] = ["GET", "POST"],
        ["/Ledger/Create"] = ["GET", "POST"],
        ["/Ledger/Edit"] = ["GET", "POST"],
        ["/Ledger/Import"] = ["GET", "POST"],
        ["/Ledger/Index"] = ["GET", "GET Export"],
        ["/Ledger/Risk"] = ["GET", "POST"],
        ["/Ledger/RiskAcceptance"] = ["GET", "POST"],
        ["/Ledger/Risks"] = ["GET", "GET Export"],
        ["/Requests/Create"] = ["GET", "POST"],
        ["/Requests/Details"] = ["GET", "POST Answer", "POST Identity", "POST Refuse", "POST Start", "POST Withdraw"],
        ["/Requests/Edit"] = ["GET", "POST"],
        ["/Requests/Index"] = ["GET", "GET Export"],
        ["/ManagementReviews/Create"] = ["GET", "POST"],
        ["/ManagementReviews/Details"] = ["GET", "GET Workbook"],
        ["/ManagementReviews/Edit"] = ["GET", "POST"],
        ["/ManagementReviews/Index"] = ["GET"],
        ["/ManagementReviews/Outputs"] = ["GET", "POST Add", "POST Assign"],
        ["/Notifications/Index"] = ["GET", "POST Open", "POST Read", "POST ReadAll"],
        ["/Reports/Answers"] = ["GET", "GET Export"],
        ["/Reports/Distribution/Download"] = ["GET"],
        ["/Reports/Distribution/Index"] = ["GET", "POST", "POST Toggle"],
        ["/Schedules/Create"] = ["GET", "POST"],
        ["/Schedules/Details"] = ["GET", "POST CreateMissing", "POST End", "POST Pause", "POST Resume"],
        ["/Schedules/Edit"] = ["GET", "POST"],
        ["/Schedules/Index"] = ["GET", "GET Export"],
        ["/Statement/Country"] = ["GET", "POST"],
        ["/Statement/Diff"] = ["GET"],
        ["/Statement/Index"] = ["GET"],
        ["/Statement/Measure"] = ["GET", "POST"],
        ["/Statement/Publish"] = ["GET", "POST"],
        ["/Statement/Version"] = ["GET"],
        ["/Statement/Versions"] = ["GET", "GET Download"],
        ["/StatusCode"] = ["GET", "POST"],
        ["/Training/Coverage"] = ["GET", "GET Export", "GET ExportDue"],
        ["/Training/Index"] = ["GET", "POST"],
        ["/Training/MyTests"] = ["GET"],
        ["/Training/Pledges"] = ["GET", "GET Export", "POST"],
        ["/Training/Roster"] = ["GET", "GET Export"],
        ["/Training/RosterImport"] = ["GET", "POST"],
        ["/Training/RosterMember"] = ["GET", "POST"],
        ["/Training/Session"] = ["GET", "POST", "POST Results"],
        ["/Training/Take"] = ["GET", "POST"],
        ["/Training/Test"] = ["GET", "POST PassMark", "POST Question", "POST RemoveQuestion"],
        ["/Training/TestResult"] = ["GET"],
    };

    /// <summary>Handlers whose audience is not their page's (none today: authorization is per page, in PageAccess).</summary>
    public static readonly Dictionary<(string Page, string Handler), string[]> Exceptions = [];

    public sealed record Handler(string Page, string Url, string Method, string? Name)
    {
        public string Key => Name is null ? Method : $"{Method} {Name}";

        public string Target => Name is null ? Url : $"{Url}?handler={Name}";
    }

    /// <summary>Each page's handlers, from the compiled page models (the page loader gives the handler methods the app really binds).</summary>
    private async Task<List<Handler>> DiscoverAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<Handler>();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>(), Route: e.RoutePattern.RawText ?? ""))
            .Where(p => p.Descriptor is not null)
            .GroupBy(p => p.Descriptor!.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.Route.Length).First());
        foreach (var (descriptor, route) in pages)
        {
            var compiled = await loader.LoadAsync(descriptor!, EndpointMetadataCollection.Empty);
            var url = "/" + string.Join("/", route.Split('/').Select(segment => segment.StartsWith('{') ? Guid.NewGuid().ToString() : segment));
            found.AddRange(compiled.HandlerMethods
                .Select(h => new Handler(descriptor!.ViewEnginePath, url, h.HttpMethod.ToUpperInvariant(), string.IsNullOrEmpty(h.Name) ? null : h.Name))
                .DistinctBy(h => h.Key));
        }

        return found.OrderBy(h => h.Page, StringComparer.Ordinal).ThenBy(h => h.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The principals of the matrix: each role alone, a delegate (no role, named by a department head), a user with no role, and nobody.</summary>
    public static TheoryData<string> Principals => [.. Roles.All, "Delegate", "NoRole", "Anonymous"];

    private static string[] RolesOf(string principal) => Roles.All.Contains(principal) ? [principal] : [];

    /// <summary>May this principal use this handler, by the declared tables.</summary>
    private static bool Allowed(string principal, Handler handler)
    {
        var audience = Exceptions.GetValueOrDefault((handler.Page, handler.Key)) ?? AuthorizationTests.Audience[handler.Page];
        return audience.Contains(Public)
            || (principal != "Anonymous" && audience.Contains(SignedIn))
            || RolesOf(principal).Any(audience.Contains);
    }

    private async Task<HttpClient> ClientAsync(string principal)
    {
        if (principal == "Anonymous")
        {
            return app.Anonymous();
        }

        var department = await app.CreateDepartmentAsync();
        var user = await app.CreateUserAsync(RolesOf(principal), principal == Roles.Administrator ? null : department.Id);
        if (principal == "Delegate")
        {
            await app.QueryAsync(async db =>
            {
                db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = department.Id, UserId = user.Id, CreatedAt = DateTimeOffset.UtcNow });
                return await db.SaveChangesAsync();
            });
        }

        return await app.SignInAsync(user);
    }

    /// <summary>
    /// For each handler: a principal it is not for is refused by authorization — 403 for a signed-in user,
    /// a redirect to sign in for an anonymous visitor — and a refused POST (carrying a valid antiforgery
    /// token, so the refusal is authorization's) changes nothing. A principal it is for is let through:
    /// a GET is neither 403 nor sent to sign in, and a POST without a token reaches the antiforgery check
    /// (400), which comes after authorization and changes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Every_handler_lets_in_exactly_its_audience(string principal)
    {
        var client = await ClientAsync(principal);
        var start = await client.GetPageAsync(principal == "Anonymous" ? "/Account/SignIn" : "/");
        var token = start.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var failures = new List<string>();
        var handlers = await DiscoverAsync();
        foreach (var handler in handlers)
        {
            var allowed = Allowed(principal, handler);
            HttpResponseMessage response;
            if (handler.Method == "GET")
            {
                response = await client.GetAsync(handler.Target);
            }
            else if (allowed)
            {
                response = await client.PostAsync(handler.Target, new FormUrlEncodedContent([]));
            }
            else
            {
                // The refusal itself is recorded (Forbidden); no record may change.
                var before = await app.QueryAsync(db => db.AuditTrail.CountAsync(Changes));
                response = await client.PostAsync(handler.Target, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                if (await app.QueryAsync(db => db.AuditTrail.CountAsync(Changes)) != before)
                {
                    failures.Add($"{handler.Key} {handler.Target}: a refused post changed something");
                }
            }

            var toSignIn = response.StatusCode == HttpStatusCode.Redirect
                && (response.Headers.Location?.OriginalString ?? "").Contains("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal);
            var outcome = $"{(int)response.StatusCode} {response.Headers.Location}";
            if (!allowed && principal == "Anonymous" && !toSignIn)
            {
                failures.Add($"{handler.Key} {handler.Target}: expected a redirect to sign in, got {outcome}");
            }
            else if (!allowed && principal != "Anonymous" && response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{handler.Key} {handler.Target}: expected 403, got {outcome}");
            }
            else if (allowed && (response.StatusCode == HttpStatusCode.Forbidden || toSignIn))
            {
                failures.Add($"{handler.Key} {handler.Target}: expected to be let through, got {outcome}");
            }
            else if (allowed && handler.Method == "POST" && response.StatusCode != HttpStatusCode.BadRequest && !IgnoresAntiforgery.Contains(handler.Page))
            {
                failures.Add($"{handler.Key} {handler.Target}: a post without a token should stop at the antiforgery check, got {outcome}");
            }
        }

        Assert.True(failures.Count == 0, $"{principal}, {handlers.Count} handlers:\n" + string.Join("\n", failures));
    }

    /// <summary>The error pages answer any method and need no token (they change nothing).</summary>
    private static readonly HashSet<string> IgnoresAntiforgery = ["/Error", "/StatusCode"];

    [Fact]
    public async Task Every_handler_of_every_page_is_listed()
    {
        var found = (await DiscoverAsync()).GroupBy(h => h.Page).ToDictionary(g => g.Key, g => g.Select(h => h.Key).ToArray());
        var listing = string.Join("\n", found.Select(p => $"        [\"{p.Key}\"] = [{string.Join(", ", p.Value.Select(k => $"\"{k}\""))}],"));
        Assert.True(Handlers.Keys.Order(StringComparer.Ordinal).SequenceEqual(found.Keys.Order(StringComparer.Ordinal))
            && Handlers.All(p => found.TryGetValue(p.Key, out var keys) && keys.Order(StringComparer.Ordinal).SequenceEqual(p.Value.Order(StringComparer.Ordinal))),
            "The handlers found are not the handlers listed. Found:\n" + listing);
    }
}
