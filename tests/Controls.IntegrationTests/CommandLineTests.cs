using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>scripts/controls verbs, run against the app's own services and database.</summary>
public class CommandLineTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, args, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_the_admin_can_sign_in()
    {
        var email = $"first{Guid.NewGuid():N}@test.example";
        var (exit, output, _) = await RunAsync("first admin passphrase\n", "users", "create-admin", "--email", email, "--name", "最初の 管理者");
        Assert.Equal(0, exit);
        Assert.Contains(email, output);

        var user = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("最初の 管理者", user.DisplayName);
        var client = await app.SignInAsync(user, "first admin passphrase");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);

        var trail = await app.QueryAsync(db => db.AuditTrail.Where(e => e.EntityKey == user.Id.ToString()).Select(e => e.Actor).ToListAsync());
        Assert.All(trail, actor => Assert.Equal("cli", actor));
    }

    [Theory]
    [InlineData("short\n", "error: パスワードは12文字以上にしてください。")]
    [InlineData("", "error: no password was given on standard input")]
    public async Task A_bad_password_exits_1_with_the_reason_and_creates_nobody(string input, string message)
    {
        var email = $"weak{Guid.NewGuid():N}@test.example";
        var (exit, _, error) = await RunAsync(input, "users", "create-admin", "--email", email);
        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task An_existing_email_exits_1()
    {
        var existing = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (exit, _, error) = await RunAsync("another long passphrase\n", "users", "create-admin", "--email", existing.Email!);
        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
    }

    [Theory]
    [InlineData("users", "create-admin")]
    [InlineData("users", "delete")]
    [InlineData("db")]
    public async Task Incomplete_or_unknown_commands_exit_2_with_the_usage(params string[] args)
    {
        var (exit, _, error) = await RunAsync("", args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: scripts/controls", error);
    }
}

/// <summary>The demo organisation, seeded once from seeds/ on a fresh database (own app: it needs an empty one).</summary>
public class DemoSeedTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task The_demo_organisation_is_seeded_once_and_announced_on_the_sign_in_page()
    {
        var file = RepositoryRoot.File("seeds", "demo-organisation.yaml");
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        var first = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", file], new StringReader(""), first, new StringWriter()));
        Assert.Contains("14 departments, 16 users", first.ToString());

        var second = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", file], new StringReader(""), second, new StringWriter()));
        Assert.Contains("not applied", second.ToString());
        Assert.Equal(16, await app.QueryAsync(db => db.Users.CountAsync()));

        // Every role is represented; every department except the two staff offices has a head.
        var roles = await app.QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).Distinct().ToListAsync());
        Assert.Equal(Roles.All.Order(), roles.Order());
        Assert.Equal(12, await app.QueryAsync(db => db.Departments.CountAsync(d => d.HeadUserId != null)));

        // A living system: contractors, two schedules, and inspections in every state (some overdue).
        Assert.Equal(4, await app.QueryAsync(db => db.Contractors.CountAsync()));
        Assert.Equal(2, await app.QueryAsync(db => db.InspectionSchedules.CountAsync()));
        var states = await app.QueryAsync(db => db.Inspections.Select(i => i.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<InspectionStatus>().Order(), states.Order());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        var all = await app.QueryAsync(db => db.Inspections.ToListAsync());
        Assert.Contains(all, i => i.IsOverdue(today));
        Assert.Contains(all, i => i.ContractorId != null);
        Assert.True(await app.QueryAsync(db => db.CorrectiveActions.AnyAsync()));

        // The registers are filled: the ledger (handled abroad, special-care, overdue for review), training with attendance
        // and pledges, and a reportable incident.
        var ledger = await app.QueryAsync(db => db.LedgerEntries.AsNoTracking().ToListAsync());
        Assert.Equal(2, ledger.Count(e => e.Countries.Any(c => c != "JP")));
        Assert.Single(ledger, e => e.SpecialCareData);
        Assert.Single(ledger, e => LedgerEntry.IsReviewOverdue(e.LastReviewedOn, today));
        Assert.True(await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.Completed && a.Session.Mandatory)) >= 10);
        Assert.True(await app.QueryAsync(db => db.ConfidentialityPledges.CountAsync()) >= 10);
        var incident = await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync());
        Assert.True(Controls.Web.Features.Incidents.IncidentReportability.IsReportable(incident));
        Assert.True(incident.AwareAt <= DateTimeOffset.UtcNow);
        Assert.Equal(6, await app.QueryAsync(db => db.LedgerEntries.CountAsync()));   // the second seed added nothing

        var signInPage = await app.Anonymous().GetPageAsync("/Account/SignIn");
        Assert.NotNull(signInPage.QuerySelector("[data-testid=demo-notice]"));
        var admin = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "admin@sakura.example"));
        await app.SignInAsync(admin, "Controls-Demo-2026");
    }

    [Fact]
    public async Task A_missing_seed_file_exits_1_and_changes_nothing()
    {
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", "/no/such/file.yaml"], new StringReader(""), new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/file.yaml", error.ToString());
    }
}
