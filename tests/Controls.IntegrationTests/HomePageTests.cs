using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>
/// The home page is the person's work: each role finds what waits for them there, with counts and
/// the most urgent rows, and opens each row where the work is done (the demo organisation, own app).
/// </summary>
public class HomePageTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private const string DemoPassword = "Controls-Demo-2026";
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private bool seeded;

    private async Task<HttpClient> SignInAsync(string email)
    {
        await SeedAsync();
        var user = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        return await app.SignInAsync(user, DemoPassword);
    }

    /// <summary>The demo organisation, once per app, before any other user is created (the demo seed wants an empty database).</summary>
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!seeded && !await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "sato@sakura.example")))
            {
                Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
                    new StringReader(""), new StringWriter(), new StringWriter()));
                Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", RepositoryRoot.File("seeds", "demo-organisation.yaml"), "--demo"], new StringReader(""), new StringWriter(), new StringWriter()));
            }

            seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    private static List<string> Links(AngleSharp.Dom.IElement card) =>
        card.QuerySelectorAll("[data-testid=home-row] a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task A_department_head_sees_on_the_home_page_the_inspection_returned_to_them_and_opens_it()
    {
        var client = await SignInAsync("sato@sakura.example");
        var department = await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Code == "ADM-GA"));
        var returned = await app.QueryAsync(db => db.Inspections.FirstOrDefaultAsync(i => i.DepartmentId == department.Id && i.Status == InspectionStatus.Returned));
        if (returned is null)
        {
            returned = await app.QueryAsync(db => db.Inspections.OrderBy(i => i.DueOn).FirstAsync(i => i.DepartmentId == department.Id));
            await using var db = app.Db();
            await db.Inspections.Where(i => i.Id == returned.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InspectionStatus.Returned));
        }

        var home = await client.GetPageAsync("/");
        var card = home.QuerySelector("[data-testid=home-department] [data-testid=card-inspections]")!;
        Assert.Contains($"/Inspections/Answer/{returned.Id}", Links(card));
        Assert.Contains("差戻し", card.TextContent);

        var page = await client.GetPageAsync($"/Inspections/Answer/{returned.Id}");
        Assert.NotNull(page.QuerySelector("[data-testid^=answer-form]"));
        Assert.NotNull(home.QuerySelector("[data-testid=home-department] [data-testid=card-notices]"));
        Assert.Null(home.QuerySelector("[data-testid=home-below]"));
    }

    [Fact]
    public async Task A_division_head_sees_the_departments_below_by_department_and_opens_an_overdue_inspection_read_only()
    {
        var client = await SignInAsync("kimura@sakura.example");
        var below = await app.QueryAsync(db => db.Departments.Where(d => d.Parent!.Code == "ADM").Select(d => d.Id).ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var inspection = await app.QueryAsync(db => db.Inspections.Where(i => below.Contains(i.DepartmentId)).OrderBy(i => i.DueOn).FirstAsync());
        await using (var db = app.Db())
        {
            await db.Inspections.Where(i => i.Id == inspection.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InspectionStatus.InProgress).SetProperty(i => i.DueOn, today.AddDays(-3)));
        }

        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("[data-testid=home-below]")!;
        var code = await app.QueryAsync(db => db.Departments.Where(d => d.Id == inspection.DepartmentId).Select(d => d.Code).SingleAsync());
        var card = section.QuerySelector($"[data-testid=card-below-{code}]")!;
        Assert.Contains($"/Inspections/Answer/{inspection.Id}", Links(card));
        Assert.DoesNotContain("営業", section.TextContent);

        var page = await client.GetPageAsync($"/Inspections/Answer/{inspection.Id}");
        Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));
        Assert.Null(page.QuerySelector("[data-testid^=answer-form]"));
    }

    [Fact]
    public async Task A_compliance_officer_sees_the_review_queue_and_opens_a_submitted_inspection_to_decide()
    {
        var client = await SignInAsync("privacy@sakura.example");
        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("[data-testid=home-compliance]")!;
        var submitted = await app.QueryAsync(db => db.Inspections.CountAsync(i => i.Status == InspectionStatus.Submitted));
        var review = section.QuerySelector("[data-testid=card-review]")!;
        Assert.Equal(submitted.ToString(), review.QuerySelector("[data-testid=count]")!.TextContent.Trim());
        foreach (var card in new[] { "review", "overdue-departments", "incidents", "ledger", "audits-coming" })
        {
            Assert.NotNull(section.QuerySelector($"[data-testid=card-{card}]"));
        }

        if (submitted > 0)
        {
            var link = Links(review)[0];
            Assert.StartsWith("/Inspections/Review/Decide/", link);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task An_auditor_sees_the_audits_in_fieldwork_and_coming_and_the_actions_waiting_for_verification()
    {
        var client = await SignInAsync("audit@sakura.example");
        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("[data-testid=home-auditor]")!;
        foreach (var card in new[] { "fieldwork", "audits-coming", "verify" })
        {
            var element = section.QuerySelector($"[data-testid=card-{card}]")!;
            foreach (var link in Links(element))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Management_sees_where_the_organisation_stands_as_the_dashboard_counts_it_and_downloads_the_workbook()
    {
        var client = await SignInAsync("exec@sakura.example");
        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("[data-testid=home-management]")!;
        var dashboard = await client.GetPageAsync("/Dashboard");
        Assert.Equal(dashboard.QuerySelector("[data-testid=overall]")!.TextContent.Split(' ')[0].Trim(), section.QuerySelector("[data-testid=home-score]")!.TextContent.Trim());
        var workbook = await client.GetAsync(section.QuerySelector("[data-testid=home-workbook]")!.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);

        // Last year's management review left three outputs open (one overdue first); each row opens the review.
        var reviews = section.QuerySelector("[data-testid=card-review-outputs]")!;
        Assert.Equal("3", reviews.QuerySelector("[data-testid=count]")!.TextContent.Trim());
        var rows = reviews.QuerySelectorAll("li a[href^='/ManagementReviews/Details/']").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("標的型メール", rows[0].TextContent);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(rows[0].GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_users_without_a_department_or_role_failed_jobs_and_mail_problems()
    {
        await SeedAsync();
        var department = await app.CreateDepartmentAsync();
        var lost = await app.CreateUserAsync([], department.Id, email: $"lost{Guid.NewGuid():N}@test.example");
        await using (var db = app.Db())
        {
            db.JobRuns.Add(new JobRun { JobName = "reminders", NodeId = "test", StartedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow, Succeeded = false, Message = "SMTP server unreachable" });
            db.OutboxMessages.Add(new OutboxMessage { To = "nobody@test.example", Subject = "x", Body = "x", CreatedAt = DateTimeOffset.UtcNow, Attempts = 3, NextAttemptAt = DateTimeOffset.UtcNow, LastError = "550 mailbox unavailable" });
            await db.SaveChangesAsync();
        }

        var (client, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("[data-testid=home-administration]")!;
        Assert.Contains($"/Admin/Users/Edit/{lost.Id}", section.QuerySelectorAll("[data-testid=card-users] a").Select(a => a.GetAttribute("href")));
        Assert.Contains("SMTP server unreachable", section.QuerySelector("[data-testid=card-jobs]")!.TextContent);
        Assert.Contains("550 mailbox unavailable", section.QuerySelector("[data-testid=card-outbox]")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/Admin/Users/Edit/{lost.Id}")).StatusCode);
    }

    [Fact]
    public async Task Someone_with_nothing_to_do_is_told_so_kindly()
    {
        await SeedAsync();
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var home = await (await app.SignInAsync(head)).GetPageAsync("/");
        Assert.Contains("回答待ちの点検はありません", home.QuerySelector("[data-testid=card-inspections]")!.TextContent);
        Assert.Contains("担当の処置はありません", home.QuerySelector("[data-testid=card-actions]")!.TextContent);
    }
}
