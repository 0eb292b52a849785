using System.Net;
using System.Text.RegularExpressions;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Jobs;

namespace Controls.IntegrationTests.Jobs;

/// <summary>
/// The Hangfire dashboard at /Admin/Jobs: administrators see every recurring job and run one now;
/// everyone else is kept out, and its POST actions need the antiforgery token.
/// </summary>
public partial class JobsDashboardTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task An_administrator_opens_the_dashboard_from_the_administration_menu_and_sees_every_recurring_job()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var home = await admin.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a.dropdown-item"), a => a.GetAttribute("href") == "/Admin/Jobs" && a.TextContent == "定期ジョブ");

        var response = await admin.GetAsync("/Admin/Jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var job in new[] { HousekeepingJob.Name, GenerateInspectionsJob.Name, ReminderJob.Name, IncidentReminderJob.Name, PlanAuditsJob.Name,
                     SendOutboxJob.Name, LedgerReviewReminderJob.Name, TrainingReminderJob.Name, ReportDistributionJob.Name, AuditTrailVerificationJob.Name,
                     RiskAssessmentReminderJob.Name, RequestReminderJob.Name })
        {
            Assert.Contains(job, page);
        }
    }

    [Theory]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.DepartmentHead)]
    [InlineData(Roles.Management)]
    public async Task Other_roles_get_403(string role)
    {
        var (client, _) = await app.SignInAsNewAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Jobs/recurring")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.Anonymous().GetAsync("/Admin/Jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.RedirectPath());
    }

    [Fact]
    public async Task Run_now_without_the_antiforgery_token_is_refused_and_with_it_runs_the_job()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var before = app.RecurringJob(HousekeepingJob.Name).LastJobId;

        var forged = await admin.PostAsync("/Admin/Jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", HousekeepingJob.Name)]));
        Assert.False(forged.IsSuccessStatusCode, $"a POST without the token answered {(int)forged.StatusCode}");
        Assert.Equal(before, app.RecurringJob(HousekeepingJob.Name).LastJobId);

        var page = await (await admin.GetAsync("/Admin/Jobs/recurring")).Content.ReadAsStringAsync();
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        Assert.True(header.Success && token.Success, "the dashboard carries the antiforgery token");
        var previous = await app.LastJobRunIdAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", HousekeepingJob.Name)]),
        };
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        var triggered = await admin.SendAsync(request);
        Assert.True(triggered.IsSuccessStatusCode, $"run now answered {(int)triggered.StatusCode}");

        var run = await app.WaitForJobRunAsync(HousekeepingJob.Name, previous);
        Assert.True(run.Succeeded, run.Message);
        Assert.StartsWith("keys: ", run.Message);
    }

    [Fact]
    public async Task Run_now_with_a_missing_or_unknown_job_name_answers_without_a_server_error_and_runs_nothing()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var page = await (await admin.GetAsync("/Admin/Jobs/recurring")).Content.ReadAsStringAsync();
        var header = WebUtility.HtmlDecode(AntiforgeryHeader().Match(page).Groups[1].Value);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        KeyValuePair<string, string>[][] bodies =
        [
            [],
            [new("jobs[]", "")],
            [new("jobs[]", "no-such-job")],
            [new("jobs[]", "../../etc/passwd")],
            [new("jobs[]", "a\0b")],
            [new("jobs[]", new string('x', 20_000))],
            [new("jobs", HousekeepingJob.Name)],
        ];
        foreach (var body in bodies)
        {
            foreach (var path in new[] { "/Admin/Jobs/recurring/trigger", "/Admin/Jobs/recurring/remove", "/Admin/Jobs/jobs/enqueued/delete", "/Admin/Jobs/jobs/failed/requeue" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(body) };
                request.Headers.Add(header, token);
                var response = await admin.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{path} with {string.Join("&", body.Select(b => b.Key + "=" + b.Value[..Math.Min(20, b.Value.Length)]))} answered {(int)response.StatusCode}");
            }
        }

        // Still scheduled, each once.
        foreach (var job in new[] { HousekeepingJob.Name, ReminderJob.Name, SendOutboxJob.Name })
        {
            Assert.NotNull(app.RecurringJob(job));
        }
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The recurring jobs follow the organisation's time zone (own app: it changes the zone).</summary>
public class JobTimeZoneTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task Jobs_run_in_Tokyo_time_until_an_administrator_changes_the_organisations_time_zone()
    {
        Assert.All(new[] { HousekeepingJob.Name, ReminderJob.Name, SendOutboxJob.Name }, job => Assert.Equal("Asia/Tokyo", app.RecurringJob(job).TimeZoneId));

        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var saved = await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.NameJa"] = "テスト株式会社", ["Input.NameEn"] = "Test Ltd.", ["Input.TimeZone"] = "Europe/London" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var housekeeping = app.RecurringJob(HousekeepingJob.Name);
        Assert.Equal("Europe/London", housekeeping.TimeZoneId);
        Assert.Equal("30 3 * * *", housekeeping.Cron);
        var next = TimeZoneInfo.ConvertTime(new DateTimeOffset(housekeeping.NextExecution!.Value, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal(new TimeSpan(3, 30, 0), next.TimeOfDay);
        Assert.Equal("Europe/London", app.RecurringJob(ReportDistributionJob.Name).TimeZoneId);
    }
}
