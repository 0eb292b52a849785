using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
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
        // Administrators must use two-factor authentication: the first page is setting it up.
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=True", (await client.GetAsync("/Admin/Users")).RedirectPath());

        var trail = await app.QueryAsync(db => db.AuditTrail.Where(e => e.EntityKey == user.Id.ToString() && e.Entity != "SignIn").Select(e => e.Actor).ToListAsync());
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
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", file, "--demo"], new StringReader(""), first, new StringWriter()));
        Assert.Contains("14 departments, 16 users", first.ToString());

        var second = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", file, "--demo"], new StringReader(""), second, new StringWriter()));
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

        // Internal audits, all led by the internal audit office's auditor: one closed (every kind of result, a random
        // sample that its seed draws again, a minor nonconformity verified by the auditor, a closed observation), one in
        // fieldwork with open findings (the major's action planned, the minor's overdue), its follow-up scheduled to
        // re-check both, and the coming audits of the programme.
        var auditor = await app.QueryAsync(db => db.Users.AsNoTracking().Include(u => u.Department).SingleAsync(u => u.Email == "audit@sakura.example"));
        Assert.Equal("IA", auditor.Department!.Code);
        var audits = await app.QueryAsync(db => db.Audits.AsNoTracking().Include(a => a.Team).ToListAsync());
        Assert.Equal(7, audits.Count);   // the second seed added nothing
        Assert.All(audits, a => Assert.Equal(auditor.Id, a.LeadAuditorId));
        var closed = Assert.Single(audits, a => a.Status == AuditStatus.Closed);
        var fieldwork = Assert.Single(audits, a => a.Status == AuditStatus.InFieldwork);
        Assert.InRange(today, fieldwork.WindowStart, fieldwork.WindowEnd);
        Assert.True(closed.WindowEnd < today && closed.ClosedAt < DateTimeOffset.UtcNow);
        var followUp = Assert.Single(audits, a => a.FollowUpOfAuditId != null);
        Assert.Equal((fieldwork.Id, AuditStatus.Scheduled), (followUp.FollowUpOfAuditId!.Value, followUp.Status));
        Assert.Equal(2, audits.Count(a => a.Status == AuditStatus.Scheduled && a.WindowStart > today));
        Assert.Equal(3, audits.Count(a => a.Status == AuditStatus.Planned && a.WindowStart > today));
        Assert.True(audits.Select(a => a.WindowStart.AddDays(-a.WindowStart.Day + 1)).Distinct().Count() >= 4);   // spread over the months

        var tests = await app.QueryAsync(db => db.AuditTests.AsNoTracking().Where(t => t.AuditId == closed.Id).ToListAsync());
        Assert.Equal([AuditTestResult.Conforming, AuditTestResult.Nonconforming, AuditTestResult.Observation], tests.Select(t => t.Result!.Value).Order());
        var sample = Assert.Single(tests, t => t.Method == SamplingMethod.Random);
        Assert.Equal(Sampling.Format(Sampling.Pick(sample.Seed!.Value, sample.PopulationSize!.Value, sample.SampleSize!.Value)), sample.SampleItems);

        var findings = await app.QueryAsync(db => db.Findings.AsNoTracking().Include(f => f.CorrectiveAction).ToListAsync());
        Assert.Equal(4, findings.Count);
        var verified = Assert.Single(findings, f => f.AuditId == closed.Id && f.Classification == FindingClass.MinorNonconformity);
        Assert.Equal((FindingStatus.Closed, CorrectiveActionStatus.Verified), (verified.Status, verified.CorrectiveAction!.Status));
        Assert.Equal(auditor.Id, verified.CorrectiveAction.VerifiedById);
        Assert.NotEqual(verified.CorrectiveAction.OwnerId, verified.CorrectiveAction.VerifiedById);
        Assert.NotEmpty(verified.CorrectiveAction.EffectivenessNote);
        Assert.Single(findings, f => f.AuditId == closed.Id && f.Classification == FindingClass.Observation && f.Status == FindingStatus.Closed);
        var major = Assert.Single(findings, f => f.Classification == FindingClass.MajorNonconformity);
        Assert.Equal((fieldwork.Id, FindingStatus.Open, CorrectiveActionStatus.Planned), (major.AuditId, major.Status, major.CorrectiveAction!.Status));
        Assert.InRange(major.CorrectiveAction.DueOn, today.AddDays(7), today.AddDays(42));
        var overdue = Assert.Single(findings, f => f.AuditId == fieldwork.Id && f.Classification == FindingClass.MinorNonconformity);
        Assert.Equal((FindingStatus.Open, CorrectiveActionStatus.Open), (overdue.Status, overdue.CorrectiveAction!.Status));
        Assert.True(overdue.CorrectiveAction.DueOn < today);
        Assert.All(findings.Where(f => f.CorrectiveAction is not null), f => Assert.Equal(f.DepartmentId, f.CorrectiveAction!.DepartmentId));
        var rechecked = await app.QueryAsync(db => db.FindingRechecks.Where(r => r.AuditId == followUp.Id).Select(r => r.FindingId).ToListAsync());
        Assert.Equal(new[] { major.Id, overdue.Id }.Order(), rechecked.Order());
        Assert.True(followUp.WindowStart > major.CorrectiveAction.DueOn);

        // Independence: nobody on an audit (lead or team) belongs to an audited department or to one owning an audited contractor.
        var departmentOf = await app.QueryAsync(db => db.Users.Where(u => u.DepartmentId != null).ToDictionaryAsync(u => u.Id, u => u.DepartmentId!.Value));
        var contractorOwners = await app.QueryAsync(db => db.Contractors.ToDictionaryAsync(c => c.Id, c => c.OwningDepartmentId));
        foreach (var audit in audits)
        {
            foreach (var member in audit.Team.Select(m => m.UserId).Append(audit.LeadAuditorId))
            {
                Assert.DoesNotContain(departmentOf[member], audit.DepartmentIds.Concat(audit.ContractorIds.Select(c => contractorOwners[c])));
            }
        }

        // The audit in fieldwork disagrees with the department's self-inspection, and its report says so; the dashboard's
        // findings panel and the statement's honesty check show its open findings.
        var auditorClient = await app.SignInAsync(auditor, "Controls-Demo-2026");
        var report = await auditorClient.GetPageAsync($"/Audits/Report/{fieldwork.Id}");
        Assert.True(int.Parse(report.QuerySelector("[data-testid=disagreements]")!.GetAttribute("data-count")!) > 0);
        var calendar = await auditorClient.GetPageAsync("/Audits/Calendar?view=list");
        Assert.Contains(calendar.QuerySelectorAll("[data-testid=calendar-entry][data-kind=audit]"), e => e.GetAttribute("data-id") == fieldwork.Id.ToString());
        var list = await auditorClient.GetPageAsync("/Audits/Findings");
        Assert.Equal(4, list.QuerySelectorAll("[data-testid=finding-row]").Length);
        Assert.Single(list.QuerySelectorAll("[data-testid=finding-row] [data-testid=overdue]"));
        var dashboard = await auditorClient.GetPageAsync("/Dashboard");
        Assert.Equal("1", dashboard.QuerySelector("[data-testid=finding-counts] tr[data-classification=MajorNonconformity] [data-testid=open]")!.TextContent.Trim());
        Assert.Equal("1", dashboard.QuerySelector("[data-testid=finding-counts] tr[data-classification=MinorNonconformity] [data-testid=open]")!.TextContent.Trim());
        var officer = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "privacy@sakura.example"));
        var statement = await (await app.SignInAsync(officer, "Controls-Demo-2026")).GetPageAsync("/Statement");
        var warned = statement.QuerySelectorAll("[data-testid=warning]").Select(w => (w.GetAttribute("data-measure"), w.TextContent)).ToList();
        Assert.Contains(warned, w => w.Item1 == "TEC-1" && w.TextContent.Contains("未完了の監査指摘事項が1件"));
        Assert.Contains(warned, w => w.Item1 == "ORG-2" && w.TextContent.Contains("未完了の監査指摘事項が1件"));

        var signInPage = await app.Anonymous().GetPageAsync("/Account/SignIn");
        Assert.NotNull(signInPage.QuerySelector("[data-testid=demo-notice]"));
        var admin = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "admin@sakura.example"));
        await app.SignInAsync(admin, "Controls-Demo-2026");
    }

    [Fact]
    public async Task The_demo_seed_refuses_a_database_not_meant_for_a_demo()
    {
        var error = new StringWriter();
        var usersBefore = await app.QueryAsync(db => db.Users.CountAsync());
        var exit = await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", RepositoryRoot.File("seeds", "demo-organisation.yaml")], new StringReader(""), new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("--demo", error.ToString());
        Assert.Contains("users create-admin", error.ToString());
        Assert.Equal(usersBefore, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_missing_seed_file_exits_1_and_changes_nothing()
    {
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", "/no/such/file.yaml", "--demo"], new StringReader(""), new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/file.yaml", error.ToString());
    }
}
