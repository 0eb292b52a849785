using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Controls.Web.Features.Ledger;
using Controls.Web.Features.Training;
using Controls.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Ledger;

/// <summary>Reminders of the registers, by the test clock: the ledger's annual review per entry and annual training, each step once.</summary>
public class RegisterReminderTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<LedgerEntry> EntryAsync(Guid departmentId, DateOnly? lastReviewedOn, string responsible = "")
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = "会員名簿 " + Guid.NewGuid().ToString("N")[..6],
            Kind = "顧客情報",
            Countries = ["JP"],
            ResponsiblePerson = responsible,
            LastReviewedOn = lastReviewedOn,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task<int> LedgerAtAsync(DateTimeOffset instant)
    {
        app.Clock.Set(instant);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendLedgerReviewReminders>().RunAsync();
    }

    private async Task<int> TrainingAtAsync(DateTimeOffset instant)
    {
        app.Clock.Set(instant);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendTrainingReminders>().RunAsync();
    }

    private Task<List<string>> TrainingKeysAsync(Guid userId, Guid about) =>
        app.QueryAsync(db => db.Notifications.Where(n => n.UserId == userId && n.DedupKey.StartsWith("training:" + about))
            .OrderBy(n => n.CreatedAt).Select(n => n.DedupKey).ToListAsync());

    [Fact]
    public async Task The_annual_review_is_reminded_before_and_on_the_day_and_escalated_when_overdue_each_step_once()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("経理部", "Accounting");
        var responsible = await app.CreateUserAsync([], department.Id);
        await using (var db = app.Db())
        {
            await db.Users.Where(u => u.Id == responsible.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "台帳 花子"));
        }

        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id);
        var entry = await EntryAsync(department.Id, new DateOnly(2041, 5, 10), "台帳 花子");
        var id = entry.Id;
        var key = $"ledger-review:{id}:2042-05-10";

        // 31 days before: nothing yet; from 30 days before: once, to the head and the responsible person.
        await LedgerAtAsync(Jst(2042, 4, 9));
        Assert.Empty(await app.KeysAsync(head.Id, id));
        await LedgerAtAsync(Jst(2042, 4, 10));
        await LedgerAtAsync(Jst(2042, 4, 10, 15));
        await LedgerAtAsync(Jst(2042, 4, 25));
        Assert.Equal([$"{key}:due-30"], await app.KeysAsync(head.Id, id));
        Assert.Equal([$"{key}:due-30"], await app.KeysAsync(responsible.Id, id));
        Assert.Empty(await app.KeysAsync(officer.Id, id));
        var first = await app.NotificationAsync(head.Id, $"{key}:due-30");
        Assert.Contains("経理部の個人データ取扱台帳「" + entry.Name + "」は、年1回の見直しの期限が 2042/05/10(あと 30 日)", first.Body);
        Assert.Equal($"/Ledger/Edit/{id}", first.Link);
        Assert.Equal("/Ledger", (await app.NotificationAsync(responsible.Id, $"{key}:due-30")).Link);

        // On the day; then overdue, escalated to the compliance officers; each once.
        await LedgerAtAsync(Jst(2042, 5, 10, 8));
        await LedgerAtAsync(Jst(2042, 5, 10, 20));
        Assert.Equal([$"{key}:due-30", $"{key}:due-0"], await app.KeysAsync(head.Id, id));
        await LedgerAtAsync(Jst(2042, 5, 11, 8));
        await LedgerAtAsync(Jst(2042, 5, 20, 8));
        Assert.Equal([$"{key}:due-30", $"{key}:due-0", $"{key}:overdue"], await app.KeysAsync(head.Id, id));
        Assert.Equal([$"{key}:overdue"], await app.KeysAsync(officer.Id, id));
        Assert.Contains("見直しの期限 2042/05/10 を過ぎています(1 日超過)", (await app.NotificationAsync(officer.Id, $"{key}:overdue")).Body);

        // Reviewed: the next cycle starts a year later, with keys of its own.
        await using (var db = app.Db())
        {
            await db.LedgerEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastReviewedOn, new DateOnly(2042, 5, 21)));
        }

        await LedgerAtAsync(Jst(2042, 6, 1));
        Assert.Equal(3, (await app.KeysAsync(head.Id, id)).Count);
        await LedgerAtAsync(Jst(2043, 4, 21));
        Assert.Equal($"ledger-review:{id}:2043-05-21:due-30", (await app.KeysAsync(head.Id, id)).Last());
    }

    [Fact]
    public async Task An_entry_never_reviewed_is_escalated_at_once_and_once()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("人事部", "Human Resources", headLanguage: "en");
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id);
        var entry = await EntryAsync(department.Id, null);

        await LedgerAtAsync(Jst(2044, 7, 1));
        await LedgerAtAsync(Jst(2044, 7, 2));
        Assert.Equal([$"ledger-review:{entry.Id}:never:overdue"], await app.KeysAsync(head.Id, entry.Id));
        Assert.Equal([$"ledger-review:{entry.Id}:never:overdue"], await app.KeysAsync(officer.Id, entry.Id));
        var english = await app.NotificationAsync(head.Id, $"ledger-review:{entry.Id}:never:overdue");
        Assert.Equal($"[Overdue] Ledger review: {entry.Name}", english.Subject);
        Assert.Contains("has never been reviewed", english.Body);
    }

    [Fact]
    public async Task People_without_mandatory_training_in_12_months_are_reminded_once_per_year_with_their_head_told()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("営業二部", "Sales 2");
        var trained = await app.CreateUserAsync([], department.Id);
        var lapsed = await app.CreateUserAsync([], department.Id);
        var never = await app.CreateUserAsync([], department.Id);
        var optionalOnly = await app.CreateUserAsync([], department.Id);
        await using (var db = app.Db())
        {
            var mandatory = new TrainingSession { Id = Guid.NewGuid(), Title = "個人情報保護研修", HeldOn = new DateOnly(2045, 6, 1), Mandatory = true, CreatedAt = DateTimeOffset.UtcNow };
            var old = new TrainingSession { Id = Guid.NewGuid(), Title = "個人情報保護研修(前年度)", HeldOn = new DateOnly(2044, 5, 1), Mandatory = true, CreatedAt = DateTimeOffset.UtcNow };
            var optional = new TrainingSession { Id = Guid.NewGuid(), Title = "任意のセミナー", HeldOn = new DateOnly(2045, 6, 1), Mandatory = false, CreatedAt = DateTimeOffset.UtcNow };
            db.TrainingSessions.AddRange(mandatory, old, optional);
            db.TrainingAttendances.AddRange(
                new TrainingAttendance { Id = Guid.NewGuid(), SessionId = mandatory.Id, UserId = trained.Id, Completed = true, RecordedAt = DateTimeOffset.UtcNow },
                new TrainingAttendance { Id = Guid.NewGuid(), SessionId = old.Id, UserId = lapsed.Id, Completed = true, RecordedAt = DateTimeOffset.UtcNow },
                new TrainingAttendance { Id = Guid.NewGuid(), SessionId = mandatory.Id, UserId = never.Id, Completed = false, RecordedAt = DateTimeOffset.UtcNow },
                new TrainingAttendance { Id = Guid.NewGuid(), SessionId = optional.Id, UserId = optionalOnly.Id, Completed = true, RecordedAt = DateTimeOffset.UtcNow },
                new TrainingAttendance { Id = Guid.NewGuid(), SessionId = mandatory.Id, UserId = head.Id, Completed = true, RecordedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        // 2045/07/01 is in fiscal year 2045 (April start).
        await TrainingAtAsync(Jst(2045, 7, 1));
        await TrainingAtAsync(Jst(2045, 7, 2));
        await TrainingAtAsync(Jst(2046, 3, 31));
        Assert.Empty(await TrainingKeysAsync(trained.Id, trained.Id));
        Assert.Equal([$"training:{lapsed.Id}:2045"], await TrainingKeysAsync(lapsed.Id, lapsed.Id));
        Assert.Equal([$"training:{never.Id}:2045"], await TrainingKeysAsync(never.Id, never.Id));
        Assert.Equal([$"training:{optionalOnly.Id}:2045"], await TrainingKeysAsync(optionalOnly.Id, optionalOnly.Id));
        Assert.Contains("前回の必須研修の受講(2044/05/01)から12か月が経過しました", (await app.NotificationAsync(lapsed.Id, $"training:{lapsed.Id}:2045")).Body);
        Assert.Contains("受講記録がありません", (await app.NotificationAsync(never.Id, $"training:{never.Id}:2045")).Body);

        // The head is told about each of them, once.
        Assert.Single(await TrainingKeysAsync(head.Id, lapsed.Id));
        Assert.Single(await TrainingKeysAsync(head.Id, never.Id));
        Assert.Empty(await TrainingKeysAsync(head.Id, trained.Id));
        var told = await app.NotificationAsync(head.Id, $"training:{lapsed.Id}:2045");
        Assert.Equal("/Training/Coverage", told.Link);

        // A new fiscal year, still untrained: reminded again, once. Trained last June: overdue only from next June.
        await TrainingAtAsync(Jst(2046, 4, 1));
        await TrainingAtAsync(Jst(2046, 4, 2));
        Assert.Equal([$"training:{lapsed.Id}:2045", $"training:{lapsed.Id}:2046"], await TrainingKeysAsync(lapsed.Id, lapsed.Id));
        Assert.Empty(await TrainingKeysAsync(trained.Id, trained.Id));
        await TrainingAtAsync(Jst(2046, 6, 2));
        Assert.Equal([$"training:{trained.Id}:2046"], await TrainingKeysAsync(trained.Id, trained.Id));
    }
}

/// <summary>
/// Both reminder jobs in the real Hangfire server at real time: scheduled every morning in Tokyo,
/// the ledger job reminds, and the training job sends nothing while the organisation records no mandatory session.
/// </summary>
public class RegisterReminderJobTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task The_jobs_are_scheduled_daily_and_run_through_the_scheduler()
    {
        foreach (var (job, cron) in new[] { (LedgerReviewReminderJob.Name, "0 8 * * *"), (TrainingReminderJob.Name, "5 8 * * *") })
        {
            var scheduled = app.RecurringJob(job);
            Assert.Equal(cron, scheduled.Cron);
            Assert.Equal("Asia/Tokyo", scheduled.TimeZoneId);
        }

        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        await app.CreateUserAsync([], department.Id);
        var entry = new LedgerEntry { Id = Guid.NewGuid(), DepartmentId = department.Id, Name = "問い合わせ記録", Countries = ["JP"], CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = app.Db())
        {
            db.LedgerEntries.Add(entry);
            await db.SaveChangesAsync();
        }

        var run = await app.RunJobNowAsync(LedgerReviewReminderJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == head.Id && n.DedupKey == $"ledger-review:{entry.Id}:never:overdue")));

        run = await app.RunJobNowAsync(TrainingReminderJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.Equal("sent: 0", run.Message);
        Assert.False(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.DedupKey.StartsWith("training:"))));
    }
}
