using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.AuditTrail;
using Controls.Web.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

/// <summary>
/// The audit trail is a hash chain: someone with write access to the database who alters, deletes
/// or inserts an entry afterwards is found by <c>scripts/controls audit-trail verify</c>, which
/// names the entry. Each story runs on its own database, changed behind the app's back by SQL.
/// </summary>
public class AuditTrailChainTests
{
    /// <summary>A fresh database and a context that writes the trail as the app does.</summary>
    private sealed class Trail : IAsyncDisposable
    {
        public string ConnectionString { get; private init; } = "";

        public static async Task<Trail> CreateAsync() => new() { ConnectionString = await TestDatabase.CreateAsync() };

        public AppDbContext Audited(string actor = "tester")
        {
            var settings = TestDatabase.Settings(ConnectionString);
            var current = new CurrentActor(new HttpContextAccessor());
            current.ActAs(null, actor);
            var interceptor = new AuditTrailInterceptor(current, TimeProvider.System);
            return settings.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlContext((DbContextOptions<PostgreSqlContext>)new DbContextOptionsBuilder<PostgreSqlContext>().UseControlsDatabase(settings).AddInterceptors(interceptor).Options)
                : new SqliteContext((DbContextOptions<SqliteContext>)new DbContextOptionsBuilder<SqliteContext>().UseControlsDatabase(settings).AddInterceptors(interceptor).Options);
        }

        /// <summary>Departments created one per SaveChanges: one trail entry each.</summary>
        public async Task AddDepartmentsAsync(int count)
        {
            await using var db = Audited();
            for (var i = 0; i < count; i++)
            {
                db.Departments.Add(new Department { Id = Guid.NewGuid(), Code = "C" + Guid.NewGuid().ToString("N")[..8], NameJa = "部" + i, NameEn = "Dept " + i });
                await db.SaveChangesAsync();
            }
        }

        public async Task SqlAsync(string sql)
        {
            await using var db = TestDatabase.Context(ConnectionString);
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        public async Task<long> CountAsync()
        {
            await using var db = TestDatabase.Context(ConnectionString);
            return await db.AuditTrail.LongCountAsync();
        }

        /// <summary>scripts/controls audit-trail verify on this database.</summary>
        public async Task<(int Exit, string Output, string Error)> VerifyAsync()
        {
            await using var db = Audited("cli");
            var output = new StringWriter();
            var error = new StringWriter();
            var actor = new CurrentActor(new HttpContextAccessor());
            actor.ActAs(null, "cli");
            var exit = await CommandLine.VerifyAuditTrailAsync(new VerifyAuditTrail(db, TimeProvider.System, actor), output, error);
            return (exit, output.ToString(), error.ToString());
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_untouched_trail_verifies_and_prints_the_number_of_entries_checked()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(5);
        var count = await trail.CountAsync();

        var (exit, output, error) = await trail.VerifyAsync();

        Assert.True(exit == 0, error);
        Assert.Contains($"Verified {count} audit-trail entries", output);
        await using var db = TestDatabase.Context(trail.ConnectionString);
        var run = await db.AuditTrailVerifications.SingleAsync();
        Assert.True(run.Succeeded);
        Assert.Equal(count, run.Checked);
        Assert.Equal("cli", run.Actor);
    }

    [Fact]
    public async Task An_entry_altered_in_the_database_is_named()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(5);
        await trail.SqlAsync("UPDATE audit_trail SET actor = 'mallory@example.com' WHERE sequence = 3");

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains("entry #3 (id ", error);
        Assert.Contains("was altered", error);
    }

    [Fact]
    public async Task An_entry_deleted_from_the_database_is_named()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(5);
        await trail.SqlAsync("DELETE FROM audit_trail WHERE sequence = 2");

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains("entry #2 is missing: it was deleted", error);
    }

    [Fact]
    public async Task Entries_deleted_at_the_end_after_a_verification_are_named()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(4);
        Assert.Equal(0, (await trail.VerifyAsync()).Exit);
        var last = await trail.CountAsync();
        await trail.SqlAsync($"DELETE FROM audit_trail WHERE sequence = {last}");

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"entries #{last} to #{last} are missing", error);
    }

    [Fact]
    public async Task A_forged_entry_inserted_into_the_database_is_named()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(3);
        var count = await trail.CountAsync();
        string head;
        await using (var db = TestDatabase.Context(trail.ConnectionString))
        {
            head = await db.AuditTrail.Where(e => e.Sequence == count).Select(e => e.Hash!).SingleAsync();
            // A plausible entry at the end of the chain, its hash made up.
            db.AuditTrail.Add(new AuditTrailEntry
            {
                At = DateTimeOffset.UtcNow,
                Actor = "admin@sakura.example",
                Entity = "Department",
                EntityKey = Guid.NewGuid().ToString(),
                Action = AuditAction.Delete,
                Changes = "{}",
                Sequence = count + 1,
                PreviousHash = head,
                Hash = new string('a', 64),
            });
            await db.SaveChangesAsync();
        }

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"entry #{count + 1} (id ", error);
        Assert.Contains("altered or forged", error);
    }

    [Fact]
    public async Task An_entry_inserted_outside_the_chain_is_named()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(2);
        long forged;
        await using (var db = TestDatabase.Context(trail.ConnectionString))
        {
            var entry = new AuditTrailEntry { At = DateTimeOffset.UtcNow, Actor = "admin@sakura.example", Entity = "Department", EntityKey = "x", Action = AuditAction.Update, Changes = "{}" };
            db.AuditTrail.Add(entry);
            await db.SaveChangesAsync();
            forged = entry.Id;
        }

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"entry id {forged} is outside the chain", error);
    }

    [Fact]
    public async Task A_chain_rewritten_with_new_hashes_is_found_by_the_last_verification()
    {
        await using var trail = await Trail.CreateAsync();
        await trail.AddDepartmentsAsync(4);
        Assert.Equal(0, (await trail.VerifyAsync()).Exit);

        // Someone who knows the algorithm alters entry 2 and recomputes every hash after it.
        await using (var db = TestDatabase.Context(trail.ConnectionString))
        {
            var entries = await db.AuditTrail.OrderBy(e => e.Sequence).ToListAsync();
            entries[1].Actor = "mallory@example.com";
            AuditTrailChain.Link(entries, AuditTrailChain.Head.Empty, stored: true);
            await db.SaveChangesAsync();
        }

        var (exit, _, error) = await trail.VerifyAsync();

        Assert.Equal(1, exit);
        Assert.Contains("the chain was rewritten up to it", error);
    }

    [Fact]
    public async Task Entries_written_before_the_chain_existed_are_chained_once_after_an_upgrade()
    {
        await using var trail = await Trail.CreateAsync();
        var at = DateTimeOffset.UtcNow;
        await using (var db = TestDatabase.Context(trail.ConnectionString))
        {
            for (var i = 0; i < 3; i++)
            {
                db.AuditTrail.Add(new AuditTrailEntry { At = at.AddTicks(i * 7), Actor = "old", Entity = "Department", EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Insert, Changes = "{\"Code\":{\"old\":null,\"new\":\"X\"}}" });
            }

            await db.SaveChangesAsync();
            await DatabaseSetup.MigrateAsync(db);
            await DatabaseSetup.MigrateAsync(db);   // idempotent
        }

        await trail.AddDepartmentsAsync(1);
        var (exit, output, error) = await trail.VerifyAsync();
        Assert.True(exit == 0, error);
        Assert.Contains("Verified 4 audit-trail entries", output);
    }

    [Fact]
    public async Task Writers_on_several_connections_at_once_still_make_one_valid_chain()
    {
        await using var trail = await Trail.CreateAsync();
        const int Writers = 4, Each = 8;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => trail.AddDepartmentsAsync(Each))));

        // Also writes that add entries in an explicit transaction, and several entries in one SaveChanges.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = trail.Audited();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Departments.AddRange(Enumerable.Range(0, 3).Select(i => new Department { Id = Guid.NewGuid(), Code = "T" + Guid.NewGuid().ToString("N")[..8], NameJa = "部", NameEn = "Dept" }));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        var (exit, output, error) = await trail.VerifyAsync();
        Assert.True(exit == 0, error);
        Assert.Contains($"Verified {(Writers * Each) + 6} audit-trail entries", output);
    }
}

/// <summary>Sign-ins, refused sign-ins, refused requests and writes by SQL appear in the (chained) trail.</summary>
public class AccessTrailTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private Task<List<AuditTrailEntry>> EntriesAsync(string entity, string actor) =>
        app.QueryAsync(db => db.AuditTrail.Where(e => e.Entity == entity && e.Actor == actor).OrderBy(e => e.Sequence).ToListAsync());

    [Fact]
    public async Task A_sign_in_and_a_wrong_password_are_recorded_with_the_address_but_never_the_password()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var wrong = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "not-my-password-at-all" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        await app.SignInAsync(user);

        var entries = await EntriesAsync(AccessTrail.SignInEntity, user.Email!);
        Assert.Equal([AuditAction.SignInFail, AuditAction.SignIn], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(user.Id, e.UserId);
            Assert.Contains("\"path\":\"/Account/SignIn\"", e.Changes);
            Assert.Contains("\"ip\":", e.Changes);
            Assert.DoesNotContain("not-my-password-at-all", e.Changes);
            Assert.DoesNotContain(ControlsApp.Password, e.Changes);
        });
        Assert.Contains("\"outcome\":\"Failed\"", entries[0].Changes);
    }

    [Fact]
    public async Task A_sign_in_with_a_second_factor_is_one_sign_in_entry_and_no_failure()
    {
        var admin = await app.CreateUserAsync([Roles.Administrator]);
        await app.SignInAsync(admin);

        var entries = await EntriesAsync(AccessTrail.SignInEntity, admin.Email!);
        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.SignIn, entry.Action);
        Assert.Contains("\"path\":\"/Account/SignInTwoFactor\"", entry.Changes);
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_is_recorded_with_the_email_typed()
    {
        var email = $"nobody{Guid.NewGuid():N}@test.example";
        await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = "guessing-a-password" });

        var entry = Assert.Single(await EntriesAsync(AccessTrail.SignInEntity, email));
        Assert.Equal(AuditAction.SignInFail, entry.Action);
        Assert.Null(entry.UserId);
        Assert.Contains("UnknownAccount", entry.Changes);
        Assert.DoesNotContain("guessing-a-password", entry.Changes);
    }

    [Fact]
    public async Task A_request_refused_with_403_is_recorded_with_who_and_the_path()
    {
        var (auditor, user) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Admin/AuditTrail")).StatusCode);

        // Written once the response is done: wait briefly for it.
        List<AuditTrailEntry> entries = [];
        for (var i = 0; i < 50 && entries.Count == 0; i++)
        {
            entries = await EntriesAsync(AccessTrail.RequestEntity, user.Email!);
            if (entries.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Forbidden, entry.Action);
        Assert.Equal(user.Id, entry.UserId);
        Assert.Equal("/Admin/AuditTrail", entry.EntityKey);
        Assert.Contains("\"method\":\"GET\"", entry.Changes);
    }

    [Fact]
    public async Task The_audit_programme_inserted_by_sql_is_recorded_in_the_same_transaction()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "planner");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await AuditProgrammes.EnsureAsync(db, 2041, DateTimeOffset.UtcNow);
        Assert.Equal(id, await AuditProgrammes.EnsureAsync(db, 2041, DateTimeOffset.UtcNow));   // the second finds it: nothing more recorded

        var entry = Assert.Single(await app.QueryAsync(db => db.AuditTrail.Where(e => e.Entity == "AuditProgramme" && e.EntityKey == id.ToString()).ToListAsync()));
        Assert.Equal(AuditAction.Insert, entry.Action);
        Assert.Equal("planner", entry.Actor);
        Assert.Contains("\"FiscalYear\":{\"old\":null,\"new\":2041}", entry.Changes);
        Assert.NotNull(entry.Sequence);
    }

    [Fact]
    public async Task Administrators_verify_the_trail_from_its_page_and_see_the_last_result()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var before = await admin.GetPageAsync("/Admin/AuditTrail");
        Assert.NotNull(before.QuerySelector("[data-testid=verification-result]"));

        var response = await admin.SubmitFormAsync(before, [], "[data-testid=audit-verification] form");
        var page = await admin.FollowAsync(response);

        var result = page.QuerySelector("[data-testid=verification-result]")!.TextContent;
        Assert.Contains("改ざんはありません", result);
        var (exit, output) = await RunVerifyAsync();
        Assert.Equal(0, exit);
        Assert.Contains("the chain is intact", output);
    }

    private async Task<(int Exit, string Output)> RunVerifyAsync()
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["audit-trail", "verify"], new StringReader(""), output, new StringWriter());
        return (exit, output.ToString());
    }
}

/// <summary>The daily verification tells administrators when the trail was tampered with (own app: it tampers).</summary>
public class AuditTrailVerificationJobTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task The_daily_verification_tells_every_administrator_when_an_entry_was_altered()
    {
        var admin = await app.CreateUserAsync([Roles.Administrator]);
        await app.CreateDepartmentAsync();
        var clean = await app.RunJobNowAsync(AuditTrailVerificationJob.Name);
        Assert.StartsWith("intact:", clean.Message);
        Assert.Empty(await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == admin.Id).ToListAsync()));

        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_trail SET actor = 'mallory@example.com' WHERE sequence = 2"));
        var run = await app.RunJobNowAsync(AuditTrailVerificationJob.Name);

        Assert.Contains("TAMPERED: Audit-trail entry #2 (id ", run.Message);
        var notice = Assert.Single(await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == admin.Id).ToListAsync()));
        Assert.Contains("改ざん", notice.Subject);
        Assert.Contains("#2", notice.Body);
        Assert.Equal("/Admin/AuditTrail", notice.Link);
    }
}
