using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// Every page states who may use it. This table is the statement: a page missing from it fails
/// the first test, so a new page cannot ship without saying who it is for.
/// </summary>
public class AuthorizationTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private const string Public = "public";
    private const string SignedIn = "signed-in";

    public static readonly Dictionary<string, string[]> Audience = new()
    {
        ["/Index"] = [SignedIn],
        ["/Error"] = [Public],
        ["/StatusCode"] = [Public],
        ["/Language/Index"] = [Public],
        ["/Account/SignIn"] = [Public],
        ["/Account/SignInTwoFactor"] = [Public],
        ["/Account/SignInRecoveryCode"] = [Public],
        ["/Account/Lockout"] = [Public],
        ["/Account/SignOut"] = [SignedIn],
        ["/Account/Manage/Index"] = [SignedIn],
        ["/Account/Manage/ChangePassword"] = [SignedIn],
        ["/Account/Manage/TwoFactor"] = [SignedIn],
        ["/Account/Manage/EnableAuthenticator"] = [SignedIn],
        ["/Account/Manage/RecoveryCodes"] = [SignedIn],
        ["/Admin/Users/Index"] = [Roles.Administrator],
        ["/Admin/Users/Create"] = [Roles.Administrator],
        ["/Admin/Users/Edit"] = [Roles.Administrator],
        ["/Admin/Departments/Index"] = [Roles.Administrator],
        ["/Admin/Departments/Create"] = [Roles.Administrator],
        ["/Admin/Departments/Edit"] = [Roles.Administrator],
        ["/Admin/Settings/Index"] = [Roles.Administrator],
        ["/Admin/AuditTrail/Index"] = [Roles.Administrator, Roles.ComplianceOfficer],
        ["/Admin/Outbox/Index"] = [Roles.Administrator],
        ["/Notifications/Index"] = [SignedIn],
        ["/ManagementReviews/Index"] = [Roles.Management, Roles.ComplianceOfficer, Roles.Auditor],
        ["/ManagementReviews/Details"] = [Roles.Management, Roles.ComplianceOfficer, Roles.Auditor],
        ["/ManagementReviews/Create"] = [Roles.Management, Roles.ComplianceOfficer],
        ["/ManagementReviews/Edit"] = [Roles.Management, Roles.ComplianceOfficer],
        ["/ManagementReviews/Outputs"] = [Roles.Management, Roles.ComplianceOfficer],
        ["/Catalog/Index"] = [SignedIn],
        ["/Catalog/Measure"] = [SignedIn],
        ["/Catalog/Mapping"] = [SignedIn],
        ["/Catalog/Download"] = [SignedIn],
        ["/Catalog/Upload"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Catalog/Edit"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Catalog/EditMeasure"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Catalog/EditItem"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Schedules/Index"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Schedules/Create"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Schedules/Details"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Schedules/Edit"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Contractors/Index"] = [SignedIn],
        ["/Contractors/Details"] = [SignedIn],
        ["/Contractors/Create"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Contractors/Edit"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Inspections/Index"] = [SignedIn],
        ["/Inspections/Answer"] = [SignedIn],
        ["/Inspections/Delegates"] = [Roles.DepartmentHead],
        ["/Inspections/Review/Index"] = [Roles.ComplianceOfficer],
        ["/Inspections/Review/Decide"] = [Roles.ComplianceOfficer],
        ["/Actions/Index"] = [SignedIn],
        ["/Incidents/Index"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Incidents/Create"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Incidents/Edit"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Incidents/Details"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Ledger/Index"] = [SignedIn],
        ["/Requests/Index"] = [Roles.ComplianceOfficer, Roles.Auditor, Roles.Management, Roles.DepartmentHead],
        ["/Requests/Details"] = [Roles.ComplianceOfficer, Roles.Auditor, Roles.Management, Roles.DepartmentHead],
        ["/Requests/Create"] = [Roles.ComplianceOfficer, Roles.DepartmentHead],
        ["/Requests/Edit"] = [Roles.ComplianceOfficer, Roles.DepartmentHead],
        ["/Training/Index"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/Session"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/Pledges"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/Coverage"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Training/Roster"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Training/RosterMember"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/RosterImport"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/Test"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Training/MyTests"] = [SignedIn],
        ["/Training/Take"] = [SignedIn],
        ["/Training/TestResult"] = [SignedIn],
        ["/Ledger/Create"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Ledger/Edit"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Ledger/Import"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead],
        ["/Ledger/Risk"] = [SignedIn],
        ["/Ledger/Risks"] = [SignedIn],
        ["/Ledger/RiskAcceptance"] = [Roles.ComplianceOfficer],
        ["/Audits/Index"] = [SignedIn],
        ["/Audits/Programme"] = [SignedIn],
        ["/Audits/Report"] = [SignedIn],
        ["/Audits/Finding"] = [SignedIn],
        ["/Audits/Calendar"] = [SignedIn],
        ["/Audits/Feed"] = [Public],
        ["/Audits/Create"] = [Roles.Auditor, Roles.ComplianceOfficer],
        ["/Audits/Edit"] = [Roles.Auditor, Roles.ComplianceOfficer],
        ["/Audits/Fieldwork"] = [Roles.Auditor, Roles.ComplianceOfficer],
        ["/Audits/Rules"] = [Roles.Auditor, Roles.ComplianceOfficer],
        ["/Audits/FollowUp"] = [Roles.Auditor, Roles.ComplianceOfficer],
        ["/Dashboard/Index"] = [Roles.Management, Roles.ComplianceOfficer, Roles.Auditor, Roles.Administrator, Roles.DepartmentHead],
        ["/Statement/Index"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.Management],
        ["/Statement/Versions"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.Management],
        ["/Statement/Version"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.Management],
        ["/Statement/Diff"] = [Roles.ComplianceOfficer, Roles.Administrator, Roles.Management],
        ["/Statement/Measure"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Statement/Country"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Statement/Publish"] = [Roles.ComplianceOfficer, Roles.Administrator],
        ["/Reports/Answers"] = [SignedIn],
        ["/Audits/Findings"] = [SignedIn],
        ["/Reports/Distribution/Index"] = [Roles.ComplianceOfficer],
        ["/Reports/Distribution/Download"] = [SignedIn],
    };

    /// <summary>Pages about one record: requested without a real one, they answer 404 (after authorization).</summary>
    private static readonly HashSet<string> RecordPages =
        ["/Admin/Users/Edit", "/Admin/Departments/Edit", "/Catalog/Edit", "/Catalog/EditMeasure", "/Catalog/EditItem",
        "/Schedules/Details", "/Schedules/Edit", "/Contractors/Edit", "/Contractors/Details", "/Inspections/Review/Decide",
        "/Incidents/Edit", "/Incidents/Details", "/Ledger/Edit", "/Requests/Details", "/Requests/Edit", "/Ledger/Risk", "/Ledger/RiskAcceptance", "/Training/Session", "/Training/RosterMember",
        "/Training/Test", "/Training/Take", "/Training/TestResult",
        "/Audits/Edit", "/Audits/Fieldwork", "/Audits/Report", "/Audits/Finding",
        "/Audits/FollowUp", "/Statement/Version", "/Statement/Measure", "/Statement/Country", "/Reports/Distribution/Download",
        "/ManagementReviews/Details", "/ManagementReviews/Edit", "/ManagementReviews/Outputs"];

    /// <summary>Each page once, with a URL to request it by (route values filled with a random id).</summary>
    private Dictionary<string, string> Pages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: e.RoutePattern.RawText ?? ""))
            .Where(p => p.Page is not null)
            .GroupBy(p => p.Page!)
            .ToDictionary(g => g.Key, g => "/" + string.Join("/", g.OrderBy(p => p.Route.Length).First().Route.Split('/')
                .Select(segment => segment.StartsWith('{') ? Guid.NewGuid().ToString() : segment)));

    [Fact]
    public void Every_page_is_listed_with_its_audience()
    {
        Assert.Equal(Audience.Keys.Order(StringComparer.Ordinal), Pages().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page_that_is_not_public()
    {
        var client = app.Anonymous();
        foreach (var (page, url) in Pages())
        {
            var response = await client.GetAsync(url);
            if (Audience[page].Contains(Public))
            {
                // (A page may still redirect for its own reasons, e.g. no pending second factor; never for authorization.)
                Assert.False(response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath().StartsWith("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal),
                    $"{url} is public but the authorization sent the visitor to sign in");
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: expected a redirect to sign in, got {(int)response.StatusCode}");
                Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.RedirectPath());
            }
        }
    }

    [Fact]
    public async Task Every_role_page_answers_403_to_a_user_with_all_the_other_roles()
    {
        foreach (var (page, url) in Pages().Where(p => !Audience[p.Key].Contains(Public) && !Audience[p.Key].Contains(SignedIn)))
        {
            var others = Roles.All.Except(Audience[page]).ToArray();
            var (client, _) = await app.SignInAsNewAsync(others);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: expected 403 for roles {string.Join(",", others)}, got {(int)response.StatusCode}");
            var body = await HttpForms.ParseAsync(response);
            Assert.Equal("このページを表示する権限がありません", body.QuerySelector("[data-testid=status-title]")!.TextContent);
        }
    }

    [Fact]
    public async Task Every_role_page_opens_for_its_role()
    {
        foreach (var (page, url) in Pages().Where(p => !Audience[p.Key].Contains(Public) && !Audience[p.Key].Contains(SignedIn)))
        {
            var (client, _) = await app.SignInAsNewAsync(Audience[page]);
            var response = await client.GetAsync(url);
            var expected = RecordPages.Contains(page) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(expected == response.StatusCode, $"{url}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }
}
