using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// Where SQLite and PostgreSQL differ (docs/adr/0008), the app must behave the same: these run in
/// both passes of scripts/test (CONTROLS_TEST_PROVIDER).
/// </summary>
public class ProviderBehaviourTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Fact]
    public async Task Two_people_editing_the_same_record_the_second_save_is_detected_as_a_conflict()
    {
        var department = await app.CreateDepartmentAsync();
        await using var first = app.Db();
        await using var second = app.Db();
        var mine = await first.Departments.SingleAsync(d => d.Id == department.Id);
        var theirs = await second.Departments.SingleAsync(d => d.Id == department.Id);
        Assert.NotEqual(0u, mine.Version);

        mine.NameJa = "総務部(私)";
        await first.SaveChangesAsync();
        theirs.NameJa = "総務部(あなた)";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var stored = await app.QueryAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id));
        Assert.Equal("総務部(私)", stored.NameJa);
    }

    [Fact]
    public async Task A_broken_unique_index_is_recognised_by_its_name_and_no_other()
    {
        var user = await app.CreateUserAsync([Roles.ComplianceOfficer]);
        Notification Notice() => new()
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            DedupKey = "provider-test:" + user.Id,
            Kind = "Test",
            Subject = "t",
            Body = "",
            Link = "/",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = app.Db())
        {
            db.Notifications.Add(Notice());
            await db.SaveChangesAsync();
        }

        await using (var db = app.Db())
        {
            db.Notifications.Add(Notice());
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(e.IsUniqueViolation(db));
            Assert.True(e.IsUniqueViolation(db, "ix_notifications_user_id_dedup_key"));
            Assert.False(e.IsUniqueViolation(db, "ix_inspections_schedule_id_target_key_period_start"));
        }
    }

    [Fact]
    public async Task Search_ignores_case_in_ascii_full_width_and_accented_letters_and_finds_japanese()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ascii = await app.CreateUserAsync([Roles.Auditor]);
        var fullWidth = await app.CreateUserAsync([Roles.Auditor]);
        var japanese = await app.CreateUserAsync([Roles.Auditor]);
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.Id == ascii.Id)).DisplayName = $"ACME Émile {tag}";
            (await db.Users.SingleAsync(u => u.Id == fullWidth.Id)).DisplayName = $"ＡＢＣ商事 {tag}";
            (await db.Users.SingleAsync(u => u.Id == japanese.Id)).DisplayName = $"山田 花子 {tag}";
            await db.SaveChangesAsync();
        }

        async Task<string> Search(string term) =>
            (await admin.GetPageAsync("/Admin/Users?search=" + Uri.EscapeDataString(term))).Body!.TextContent;

        Assert.Contains($"ACME Émile {tag}", await Search($"acme émile {tag}"));
        Assert.Contains($"ACME Émile {tag}", await Search($"ÉMILE {tag}"));
        Assert.Contains($"ＡＢＣ商事 {tag}", await Search($"ａｂｃ商事 {tag}"));
        Assert.Contains($"山田 花子 {tag}", await Search($"花子 {tag}"));
        var none = await Search($"100% {tag}");
        Assert.DoesNotContain($"ACME Émile {tag}", none);
    }

    [Fact]
    public async Task Instants_compare_and_order_by_the_moment_whatever_their_offset()
    {
        var boundary = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var key = "provider-instants-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.Db())
        {
            // 08:59:59 and 09:00:01 in Tokyo are one second before and after midnight UTC; 18:00 in
            // New York (-05:00) is 23:00 UTC the day before, earliest although its clock reads latest.
            db.JobRuns.AddRange(
                new JobRun { JobName = key, NodeId = "before", StartedAt = new DateTimeOffset(2026, 12, 1, 8, 59, 59, TimeSpan.FromHours(9)), FinishedAt = boundary, Message = "" },
                new JobRun { JobName = key, NodeId = "after", StartedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 1, TimeSpan.FromHours(9)), FinishedAt = boundary, Message = "" },
                new JobRun { JobName = key, NodeId = "earliest", StartedAt = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(-5)), FinishedAt = boundary, Message = "" });
            await db.SaveChangesAsync();
        }

        await using var read = app.Db();
        Assert.Equal(["after"], await read.JobRuns.Where(r => r.JobName == key && r.StartedAt > boundary).Select(r => r.NodeId).ToListAsync());
        Assert.Equal(["before", "earliest"], await read.JobRuns.Where(r => r.JobName == key && r.StartedAt < boundary).OrderBy(r => r.NodeId).Select(r => r.NodeId).ToListAsync());
        Assert.Equal(["earliest", "before", "after"], await read.JobRuns.Where(r => r.JobName == key).OrderBy(r => r.StartedAt).Select(r => r.NodeId).ToListAsync());
        var stored = await read.JobRuns.Where(r => r.JobName == key && r.NodeId == "before").Select(r => r.StartedAt).SingleAsync();
        Assert.Equal(boundary.AddSeconds(-1), stored);
    }

    [Fact]
    public async Task An_audit_programme_inserted_by_sql_keeps_its_instant_and_is_made_once()
    {
        var now = new DateTimeOffset(2031, 5, 1, 10, 30, 0, TimeSpan.FromHours(9));
        await using var db = app.Db();
        var id = await AuditProgrammes.EnsureAsync(db, 2031, now);
        Assert.Equal(id, await AuditProgrammes.EnsureAsync(db, 2031, now.AddDays(1)));
        var programme = await db.AuditProgrammes.AsNoTracking().SingleAsync(p => p.FiscalYear == 2031);
        Assert.Equal(now, programme.CreatedAt);
        Assert.Equal(1, await db.AuditProgrammes.CountAsync(p => p.CreatedAt > now.AddSeconds(-1) && p.CreatedAt < now.AddSeconds(1)));
        Assert.Equal(0, await db.AuditProgrammes.CountAsync(p => p.FiscalYear == 2031 && p.CreatedAt > now));
    }

    [Fact]
    public async Task Lists_of_ids_in_a_column_are_searched_by_their_members()
    {
        var inScope = await app.CreateDepartmentAsync();
        var outOfScope = await app.CreateDepartmentAsync();
        var inspection = await app.CreateInspectionAsync(inScope.Id, "POL-1", "ORG-1");
        await using var db = app.Db();
        Assert.True(await db.Inspections.AnyAsync(i => i.Id == inspection.Id && i.MeasureCodes.Contains("ORG-1")));
        Assert.False(await db.Inspections.AnyAsync(i => i.Id == inspection.Id && i.MeasureCodes.Contains("ORG-2")));
        var ids = new List<Guid> { inScope.Id, Guid.NewGuid() };
        Assert.Equal([inScope.Id], await db.Departments.Where(d => ids.Contains(d.Id) && d.Id != outOfScope.Id).Select(d => d.Id).ToListAsync());
        Assert.Equal(inScope.Id.ToString(), await db.Departments.Where(d => d.Id == inScope.Id).Select(d => d.Id.ToString()).SingleAsync());
    }

    [Fact]
    public async Task Two_people_answering_one_inspection_at_the_same_moment_lose_nothing()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var delegateUser = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var second = await app.SignInAsync(delegateUser);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var items = await app.ItemsAsync(inspection);
        var codes = items.Keys.OrderBy(c => c, StringComparer.Ordinal).ToList();

        var saves = codes.Select((code, i) => (i % 2 == 0 ? head : second).AnswerAsync(inspection.Id, code, "Yes")).ToList();
        var responses = await Task.WhenAll(saves);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(codes.Count, await app.QueryAsync(db => db.Answers.CountAsync(a => a.InspectionId == inspection.Id && a.Value == AnswerValue.Yes)));
    }

    [SqliteFact]
    public async Task A_second_node_on_the_same_sqlite_file_refuses_to_start_and_says_why()
    {
        using var second = new SecondNode(app.ConnectionString);
        var e = Assert.ThrowsAny<Exception>(() => second.Start());
        Assert.Contains("Another Controls node is already serving the SQLite database", e.ToString());
        Assert.Contains("PostgreSql", e.ToString());
    }

    /// <summary>The same app again, on the first one's database file.</summary>
    private sealed class SecondNode(string connectionString) : ControlsApp
    {
        public void Start()
        {
            ConnectionString = connectionString;
            _ = Server;
        }
    }
}
