using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Controls.Web.Features.Reports.Distribution;
using Controls.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Reports;

/// <summary>The notifications app (test clock, no recurring jobs) with the evidence store in a temporary directory.</summary>
public class DistributionApp : NotificationsApp
{
    public string StoreDirectory { get; } = Path.Combine(Path.GetTempPath(), "controls-reports-" + Guid.NewGuid().ToString("N")[..12]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Evidence:Directory", StoreDirectory);
    }
}

/// <summary>
/// Scheduled distribution of the management-review workbook: a compliance officer sets it up, the
/// daily run generates each period once and notifies each recipient once, and only recipients (and
/// compliance officers) download it.
/// </summary>
public class DistributionTests(DistributionApp app) : IClassFixture<DistributionApp>
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    private async Task<DistributeReports.Result> RunOnAsync(DateOnly day)
    {
        app.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), Tokyo));
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DistributeReports>().RunAsync(day);
    }

    private async Task<Guid> CreateScheduleAsync(HttpClient officer, string name, string frequency, string period, string language, params Guid[] recipients)
    {
        var response = await officer.SubmitFormAsync("/Reports/Distribution", new()
        {
            ["name"] = name,
            ["frequency"] = frequency,
            ["period"] = period,
            ["language"] = language,
            ["recipientIds"] = recipients.Select(r => r.ToString()).ToList(),
        }, "[data-testid=schedule-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.QueryAsync(db => db.ReportSchedules.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    }

    /// <summary>The user's notifications of the schedule's workbooks (other tests' schedules may notify the same managers).</summary>
    private async Task<List<Notification>> NotificationsAsync(Guid user, Guid schedule)
    {
        var links = (await app.QueryAsync(db => db.ReportDeliveries.Where(d => d.ScheduleId == schedule).Select(d => d.Id).ToListAsync()))
            .Select(DistributeReports.DownloadLink).ToList();
        return await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == user && n.Kind == "report" && links.Contains(n.Link))
            .OrderBy(n => n.CreatedAt).ToListAsync());
    }

    [Fact]
    public async Task A_monthly_workbook_is_generated_once_per_period_and_each_recipient_is_notified_once_and_may_download_it()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var chosen = await app.CreateUserAsync([Roles.Management], department.Id);
        var other = await app.CreateUserAsync([Roles.Management], department.Id);
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var name = "月次 " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await CreateScheduleAsync(officer, name, "Monthly", "PreviousPeriod", "en", chosen.Id);

        await RunOnAsync(new DateOnly(2026, 11, 5));
        await RunOnAsync(new DateOnly(2026, 11, 6));

        var deliveries = await app.QueryAsync(db => db.ReportDeliveries.AsNoTracking().Where(d => d.ScheduleId == schedule).ToListAsync());
        var october = Assert.Single(deliveries);
        Assert.Equal("2026-10", october.PeriodKey);
        Assert.Equal([chosen.Id], october.RecipientIds);
        var notice = Assert.Single(await NotificationsAsync(chosen.Id, schedule));
        Assert.Equal($"/Reports/Distribution/Download/{october.Id}", notice.Link);
        Assert.Empty(await NotificationsAsync(other.Id, schedule));

        // The recipient downloads the English workbook of October.
        var client = await app.SignInAsync(chosen);
        var response = await client.GetAsync(notice.Link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("management-review-2026-10-01_2026-10-31.xlsx", response.Content.Headers.ContentDisposition!.ToString());
        var sheets = DashboardTests.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Summary", "Inspections", "Answers", "Findings", "Corrective actions", "Audits", "Contractors", "Management reviews", "PMS audit results", "Findings by clause", "Risk register", "Comprehension tests", "Data subjects' requests"], sheets.Keys);

        // Not a recipient: as if it did not exist. Compliance officers may open it; anonymous users sign in.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other)).GetAsync(notice.Link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(head)).GetAsync(notice.Link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(notice.Link)).StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", (await app.Anonymous().GetAsync(notice.Link)).RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/Distribution/Download/{Guid.NewGuid()}")).StatusCode);

        // The next month: November, once.
        await RunOnAsync(new DateOnly(2026, 12, 1));
        await RunOnAsync(new DateOnly(2026, 12, 1));
        Assert.Equal(["2026-10", "2026-11"], await app.QueryAsync(db => db.ReportDeliveries.Where(d => d.ScheduleId == schedule).OrderBy(d => d.PeriodKey).Select(d => d.PeriodKey).ToListAsync()));
        Assert.Equal(2, (await NotificationsAsync(chosen.Id, schedule)).Count);
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_quarterly_fiscal_year_to_date_schedule_goes_to_everyone_with_the_management_role()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var manager = await app.CreateUserAsync([Roles.Management], (await app.CreateDepartmentAsync()).Id);
        var name = "四半期 " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await CreateScheduleAsync(officer, name, "Quarterly", "FiscalYearToDate", "ja");

        // In November 2026 the quarter before is July–September: the fiscal year to date is April–September.
        await RunOnAsync(new DateOnly(2026, 11, 20));
        var delivery = await app.QueryAsync(db => db.ReportDeliveries.AsNoTracking().SingleAsync(d => d.ScheduleId == schedule));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)), (delivery.PeriodStart, delivery.PeriodEnd));
        Assert.Contains(manager.Id, delivery.RecipientIds);
        Assert.Single(await NotificationsAsync(manager.Id, schedule), n => n.Link.EndsWith(delivery.Id.ToString(), StringComparison.Ordinal));
        app.Clock.Reset();

        var page = await officer.GetPageAsync("/Reports/Distribution");
        Assert.Contains(page.QuerySelectorAll("[data-testid=schedule-row]"), r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=delivery-row]"));
    }

    [Theory]
    [InlineData(2026, 4, 10, "Monthly", "PreviousPeriod", "2026-03-01", "2026-03-31")]
    [InlineData(2026, 4, 10, "Monthly", "FiscalYearToDate", "2025-04-01", "2026-03-31")]
    [InlineData(2026, 5, 2, "Monthly", "FiscalYearToDate", "2026-04-01", "2026-04-30")]
    [InlineData(2026, 4, 10, "Quarterly", "PreviousPeriod", "2026-01-01", "2026-03-31")]
    [InlineData(2027, 2, 1, "Quarterly", "PreviousPeriod", "2026-10-01", "2026-12-31")]
    [InlineData(2027, 2, 1, "Quarterly", "FiscalYearToDate", "2026-04-01", "2026-12-31")]
    public void The_period_due_is_the_previous_month_or_quarter_or_the_fiscal_year_to_its_end(
        int year, int month, int day, string frequency, string period, string start, string end)
    {
        var due = DistributeReports.DuePeriod(Enum.Parse<DistributionFrequency>(frequency), Enum.Parse<DistributionPeriod>(period), new DateOnly(year, month, day), 4);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (due.Start, due.End));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_messages_and_saves_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var before = await app.QueryAsync(db => db.ReportSchedules.CountAsync());
        var response = await officer.SubmitFormAsync("/Reports/Distribution", new()
        {
            ["name"] = new string('x', 300),
            ["frequency"] = "Hourly",
            ["period"] = "<script>",
            ["language"] = "fr",
            ["recipientIds"] = new List<string> { Guid.NewGuid().ToString(), "not-a-guid" },
        }, "[data-testid=schedule-form]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.Equal(4, errors.Count);
        Assert.Contains("配信名を 200 文字以内で入力してください。", errors);
        Assert.Equal(before, await app.QueryAsync(db => db.ReportSchedules.CountAsync()));
    }

    [Fact]
    public async Task Pausing_with_a_stale_version_is_a_concurrency_conflict_and_a_paused_schedule_generates_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var name = "停止 " + Guid.NewGuid().ToString("N")[..6];
        var schedule = await CreateScheduleAsync(officer, name, "Monthly", "PreviousPeriod", "ja");
        var page = await officer.GetPageAsync("/Reports/Distribution");
        var form = $"[data-testid=schedule-row][data-id='{schedule}'] [data-testid=toggle-form]";

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(page, [], form)).StatusCode);
        Assert.False(await app.QueryAsync(db => db.ReportSchedules.Where(s => s.Id == schedule).Select(s => s.IsActive).SingleAsync()));

        // The same (now stale) form again: refused, nothing changes.
        var stale = await officer.SubmitFormAsync(page, [], form);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("ほかの人がこのデータを変更", await stale.Content.ReadAsStringAsync());
        Assert.False(await app.QueryAsync(db => db.ReportSchedules.Where(s => s.Id == schedule).Select(s => s.IsActive).SingleAsync()));

        await RunOnAsync(new DateOnly(2026, 11, 5));
        app.Clock.Reset();
        Assert.False(await app.QueryAsync(db => db.ReportDeliveries.AnyAsync(d => d.ScheduleId == schedule)));
    }

    [Fact]
    public async Task The_daily_job_is_scheduled_at_six_in_the_morning()
    {
        var job = app.RecurringJob(ReportDistributionJob.Name);
        Assert.Equal("0 6 * * *", job.Cron);
        Assert.Equal("Asia/Tokyo", job.TimeZoneId);
    }
}
