using System.Text.RegularExpressions;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Notifications;

/// <summary>
/// Reminders and escalation at chosen instants in Asia/Tokyo: each step reaches the right people
/// once, however often (or however concurrently) the job runs.
/// </summary>
public class ReminderTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task Assignees_are_reminded_7_and_1_days_before_the_due_date_by_the_organisations_calendar()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("経理部", "Accounting");
        var helper = await app.CreateDelegateAsync(department.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 3, 10));
        var due7 = $"reminder:{inspection.Id}:due-7";

        // 23:59 in Tokyo on 3/2 is eight days before: nothing yet.
        await app.RemindAtAsync(Jst(2030, 3, 2, 23, 59));
        Assert.Empty(await app.KeysAsync(head.Id, inspection.Id));

        // 00:01 in Tokyo on 3/3 is still 3/2 in UTC: the organisation's calendar decides.
        await app.RemindAtAsync(Jst(2030, 3, 3, 0, 1));
        await app.RemindAsync();
        Assert.Equal([due7], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Equal([due7], await app.KeysAsync(helper.Id, inspection.Id));
        var reminder = await app.NotificationAsync(head.Id, due7);
        Assert.Equal("【自己点検】回答期限が近づいています:経理部", reminder.Subject);
        Assert.Contains("2030/03/10", reminder.Body);
        Assert.Contains("あと 7 日", reminder.Body);
        Assert.Contains((await app.CatalogAsync()).TitleJa, reminder.Body);
        Assert.Equal($"/Inspections/Answer/{inspection.Id}", reminder.Link);
        Assert.Null(reminder.ReadAt);

        // The e-mail waits in the outbox, with the same subject.
        var mail = Assert.Single(await app.OutboxAsync(head.Email!));
        Assert.Equal(reminder.Subject, mail.Subject);
        Assert.Equal(reminder.Id, mail.NotificationId);
        Assert.StartsWith(reminder.Body, mail.Body);
        Assert.Null(mail.SentAt);

        await app.RemindAtAsync(Jst(2030, 3, 8, 23, 59));
        Assert.Equal([due7], await app.KeysAsync(head.Id, inspection.Id));

        await app.RemindAtAsync(Jst(2030, 3, 9, 0, 0));
        await app.RemindAtAsync(Jst(2030, 3, 9, 13, 0));
        Assert.Equal([due7, $"reminder:{inspection.Id}:due-1"], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Equal([due7, $"reminder:{inspection.Id}:due-1"], await app.KeysAsync(helper.Id, inspection.Id));
        Assert.Equal(2, (await app.OutboxAsync(head.Email!)).Count);
    }

    [Fact]
    public async Task An_overdue_inspection_reminds_the_department_then_escalates_to_the_division_head_then_the_compliance_officers()
    {
        var (division, divisionHead) = await app.CreateDepartmentWithHeadAsync("管理本部", "Administration Division");
        var (department, head) = await app.CreateDepartmentWithHeadAsync("人事部", "Human Resources", division.Id);
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], division.Id);
        var formerOfficer = await app.CreateUserAsync([Roles.ComplianceOfficer], division.Id);
        await app.DeactivateAsync(formerOfficer.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 5, 10), InspectionStatus.InProgress);
        var overdue = $"overdue:{inspection.Id}:0";
        var toDivision = $"escalation:{inspection.Id}:division";
        var toCompliance = $"escalation:{inspection.Id}:compliance";
        var dueToday = $"reminder:{inspection.Id}:due-1";

        // Created on its due date: the "1 day before" reminder was never sent, so it goes now, saying "today".
        await app.RemindAtAsync(Jst(2030, 5, 10, 23, 59));
        Assert.Equal([dueToday], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Contains("回答期限は本日 2030/05/10 です", (await app.NotificationAsync(head.Id, dueToday)).Body);

        // First overdue day: the department is reminded, nobody else yet.
        await app.RemindAtAsync(Jst(2030, 5, 11, 0, 0));
        await app.RemindAtAsync(Jst(2030, 5, 11, 0, 0));
        Assert.Equal([dueToday, overdue], await app.KeysAsync(head.Id, inspection.Id));
        var reminder = await app.NotificationAsync(head.Id, overdue);
        Assert.Equal("【期限超過】自己点検が提出されていません:人事部", reminder.Subject);
        Assert.Contains("1 日過ぎています", reminder.Body);
        Assert.Empty(await app.KeysAsync(divisionHead.Id, inspection.Id));
        Assert.Empty(await app.KeysAsync(officer.Id, inspection.Id));

        // 3 days overdue: the division's head.
        await app.RemindAtAsync(Jst(2030, 5, 12, 23, 59));
        Assert.Empty(await app.KeysAsync(divisionHead.Id, inspection.Id));
        await app.RemindAtAsync(Jst(2030, 5, 13, 0, 1));
        await app.RemindAtAsync(Jst(2030, 5, 13, 9, 0));
        Assert.Equal([toDivision], await app.KeysAsync(divisionHead.Id, inspection.Id));
        var escalation = await app.NotificationAsync(divisionHead.Id, toDivision);
        Assert.Contains("人事部", escalation.Subject);
        Assert.Contains("3 日過ぎても提出されていません", escalation.Body);
        Assert.Empty(await app.KeysAsync(officer.Id, inspection.Id));

        // 7 days overdue: every (active) compliance officer.
        await app.RemindAtAsync(Jst(2030, 5, 16, 23, 59));
        Assert.Empty(await app.KeysAsync(officer.Id, inspection.Id));
        await app.RemindAtAsync(Jst(2030, 5, 17, 0, 1));
        await app.RemindAtAsync(Jst(2030, 5, 20, 9, 0));
        Assert.Equal([toCompliance], await app.KeysAsync(officer.Id, inspection.Id));
        Assert.Empty(await app.KeysAsync(formerOfficer.Id, inspection.Id));

        // Each step once, to its own people.
        Assert.Equal([dueToday, overdue], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Equal([toDivision], await app.KeysAsync(divisionHead.Id, inspection.Id));
    }

    [Fact]
    public async Task Two_runs_at_once_after_downtime_catch_up_every_step_exactly_once()
    {
        var (division, divisionHead) = await app.CreateDepartmentWithHeadAsync("営業本部", "Sales Division");
        var (department, head) = await app.CreateDepartmentWithHeadAsync("東京営業部", "Tokyo Sales", division.Id);
        var helper = await app.CreateDelegateAsync(department.Id);
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], division.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 6, 1));

        // The app was down for the whole time: the first runs, on two nodes at once, are 10 days after the due date.
        app.Clock.Set(Jst(2030, 6, 11, 1, 0));
        await Task.WhenAll(app.RemindAsync(), app.RemindAsync(), app.RemindAsync());

        Assert.Equal([$"overdue:{inspection.Id}:0"], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Equal([$"overdue:{inspection.Id}:0"], await app.KeysAsync(helper.Id, inspection.Id));
        Assert.Equal([$"escalation:{inspection.Id}:division"], await app.KeysAsync(divisionHead.Id, inspection.Id));
        Assert.Equal([$"escalation:{inspection.Id}:compliance"], await app.KeysAsync(officer.Id, inspection.Id));
        // One e-mail per notification.
        Assert.Single(await app.OutboxAsync(head.Email!));
        Assert.Single(await app.OutboxAsync(officer.Email!), m => m.Body.Contains("東京営業部"));
    }

    [Fact]
    public async Task A_missed_reminder_is_sent_late_but_not_once_its_moment_has_passed()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("総務部", "General Affairs");
        var dueSoon = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 7, 10));
        var dueLater = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 7, 20));
        var alreadyOverdue = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 7, 6));

        // The first run in weeks: "7 days before" of the first has passed unsent, so it goes now;
        // the third is overdue: only the overdue reminder, no stale "before the due date" ones.
        await app.RemindAtAsync(Jst(2030, 7, 8, 10, 0));
        Assert.Equal([$"reminder:{dueSoon.Id}:due-7"], await app.KeysAsync(head.Id, dueSoon.Id));
        Assert.Contains("あと 2 日", (await app.NotificationAsync(head.Id, $"reminder:{dueSoon.Id}:due-7")).Body);
        Assert.Equal([$"overdue:{alreadyOverdue.Id}:0"], await app.KeysAsync(head.Id, alreadyOverdue.Id));
        Assert.Empty(await app.KeysAsync(head.Id, dueLater.Id));

        // Down again until the day before the second one's due date: only "1 day before", not the missed "7 days before".
        await app.RemindAtAsync(Jst(2030, 7, 19, 10, 0));
        Assert.Equal([$"reminder:{dueLater.Id}:due-1"], await app.KeysAsync(head.Id, dueLater.Id));
    }

    [Fact]
    public async Task A_returned_inspection_is_reminded_but_once_resubmitted_it_gets_no_further_reminders()
    {
        var (division, divisionHead) = await app.CreateDepartmentWithHeadAsync("技術本部", "Engineering Division");
        var (department, head) = await app.CreateDepartmentWithHeadAsync("開発部", "Development", division.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 9, 10), InspectionStatus.Returned);

        await app.RemindAtAsync(Jst(2030, 9, 11, 9, 0));
        Assert.Equal([$"overdue:{inspection.Id}:0"], await app.KeysAsync(head.Id, inspection.Id));

        await app.SetStatusAsync(inspection.Id, InspectionStatus.Submitted);
        await app.RemindAtAsync(Jst(2030, 9, 25, 9, 0));
        Assert.Equal([$"overdue:{inspection.Id}:0"], await app.KeysAsync(head.Id, inspection.Id));
        Assert.Empty(await app.KeysAsync(divisionHead.Id, inspection.Id));

        // Accepted ones neither.
        var accepted = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 9, 20), InspectionStatus.Accepted);
        await app.RemindAtAsync(Jst(2030, 9, 26, 9, 0));
        Assert.Empty(await app.KeysAsync(head.Id, accepted.Id));
    }

    [Fact]
    public async Task Inactive_users_get_nothing()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("法務部", "Legal");
        var helper = await app.CreateDelegateAsync(department.Id);
        await app.DeactivateAsync(head.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 8, 10));

        await app.RemindAtAsync(Jst(2030, 8, 9, 9, 0));
        Assert.Empty(await app.KeysAsync(head.Id, inspection.Id));
        Assert.Empty(await app.OutboxAsync(head.Email!));
        Assert.Equal([$"reminder:{inspection.Id}:due-1"], await app.KeysAsync(helper.Id, inspection.Id));

        using var scope = app.Services.CreateScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        Assert.False(await notifier.NotifyAsync(head.Id, "direct:" + Guid.NewGuid(), NotificationKinds.Reminder,
            "Notification.Mail.Footer", "Notification.Mail.Footer", [], "/"));
        Assert.Empty(await app.OutboxAsync(head.Email!));
    }

    [Fact]
    public async Task Each_recipient_reads_the_reminder_in_their_own_language()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("情報システム部", "IT Systems", headLanguage: "en");
        var helper = await app.CreateDelegateAsync(department.Id, language: "ja");
        var inspection = await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 10, 20));
        var catalog = await app.CatalogAsync();
        var key = $"reminder:{inspection.Id}:due-7";

        await app.RemindAtAsync(Jst(2030, 10, 13, 9, 0));

        var english = await app.NotificationAsync(head.Id, key);
        Assert.Equal("Self-inspection due soon: IT Systems", english.Subject);
        Assert.Contains($"\"{catalog.TitleEn}\"", english.Body);
        Assert.Contains("due on 2030/10/20, in 7 day(s)", english.Body);
        Assert.Contains("period 2030/10/06–2031/01/05", english.Body);
        var englishMail = Assert.Single(await app.OutboxAsync(head.Email!));
        Assert.Contains("Sign in to Controls and open Notifications", englishMail.Body);
        Assert.EndsWith("This message was sent automatically by Controls.", englishMail.Body);

        var japanese = await app.NotificationAsync(helper.Id, key);
        Assert.Equal("【自己点検】回答期限が近づいています:情報システム部", japanese.Subject);
        Assert.Contains($"「{catalog.TitleJa}」", japanese.Body);
        Assert.Contains("回答期限は 2030/10/20 です", japanese.Body);
        Assert.EndsWith("このメールは Controls から自動送信されています。", Assert.Single(await app.OutboxAsync(helper.Email!)).Body);
    }

    [Fact]
    public async Task Management_gets_one_digest_of_overdue_inspections_per_week()
    {
        var (department, _) = await app.CreateDepartmentWithHeadAsync("購買部", "Purchasing");
        var manager = await app.CreateUserAsync([Roles.Management], department.Id);
        var englishManager = await app.CreateUserAsync([Roles.Management], department.Id, language: "en");
        var formerManager = await app.CreateUserAsync([Roles.Management], department.Id);
        await app.DeactivateAsync(formerManager.Id);
        await app.CreateInspectionAsync(department.Id, new DateOnly(2030, 11, 1));
        async Task<string> Digests(Guid user) => string.Join(",", await app.QueryAsync(db => db.Notifications
            .Where(n => n.UserId == user && n.Kind == NotificationKinds.Digest).OrderBy(n => n.DedupKey).Select(n => n.DedupKey).ToListAsync()));

        // Monday 2030-11-04 is in ISO week 2030-W45; runs later that week send nothing new.
        await app.RemindAtAsync(Jst(2030, 11, 4, 0, 30));
        await app.RemindAtAsync(Jst(2030, 11, 6, 9, 0));
        await app.RemindAtAsync(Jst(2030, 11, 10, 23, 59));
        Assert.Equal("digest:2030-W45", await Digests(manager.Id));
        var digest = await app.NotificationAsync(manager.Id, "digest:2030-W45");
        Assert.Contains("■ 購買部", digest.Body);
        Assert.Contains("期限 2030/11/01、3 日超過", digest.Body);
        Assert.Contains("2030/11/04 時点", digest.Body);
        var english = await app.NotificationAsync(englishManager.Id, "digest:2030-W45");
        Assert.StartsWith("Weekly digest:", english.Subject);
        Assert.Contains("# Purchasing", english.Body);
        Assert.Equal("", await Digests(formerManager.Id));

        // The next week, the next digest.
        await app.RemindAtAsync(Jst(2030, 11, 11, 0, 30));
        await app.RemindAtAsync(Jst(2030, 11, 11, 1, 30));
        Assert.Equal("digest:2030-W45,digest:2030-W46", await Digests(manager.Id));
        Assert.Contains("10 日超過", (await app.NotificationAsync(manager.Id, "digest:2030-W46")).Body);
    }

    [Fact]
    public async Task An_overdue_corrective_action_reminds_its_owner_then_its_department_head_after_7_days()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("物流部", "Logistics");
        var owner = await app.CreateUserAsync([], department.Id);
        CorrectiveAction Action(CorrectiveActionStatus status) => new()
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.Inspection,
            DepartmentId = department.Id,
            Action = "持出し記録簿の様式を見直し、全員に周知する",
            OwnerId = owner.Id,
            DueOn = new DateOnly(2030, 12, 10),
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = head.Id,
        };
        var open = Action(CorrectiveActionStatus.Planned);
        var verified = Action(CorrectiveActionStatus.Verified);
        var implemented = Action(CorrectiveActionStatus.Implemented);
        await using (var db = app.Db())
        {
            db.CorrectiveActions.AddRange(open, verified, implemented);
            await db.SaveChangesAsync();
        }

        await app.RemindAtAsync(Jst(2030, 12, 10, 23, 0));
        Assert.Empty(await app.KeysAsync(owner.Id, open.Id));

        await app.RemindAtAsync(Jst(2030, 12, 11, 0, 5));
        await app.RemindAtAsync(Jst(2030, 12, 16, 9, 0));
        Assert.Equal([$"action:{open.Id}:overdue"], await app.KeysAsync(owner.Id, open.Id));
        var reminder = await app.NotificationAsync(owner.Id, $"action:{open.Id}:overdue");
        Assert.Contains("持出し記録簿の様式を見直し", reminder.Body);
        Assert.Equal("/Actions", reminder.Link);
        Assert.Empty(await app.KeysAsync(head.Id, open.Id));

        await app.RemindAtAsync(Jst(2030, 12, 17, 0, 5));
        await app.RemindAtAsync(Jst(2030, 12, 17, 1, 5));
        Assert.Equal([$"action:{open.Id}:escalation"], await app.KeysAsync(head.Id, open.Id));
        Assert.Contains("物流部", (await app.NotificationAsync(head.Id, $"action:{open.Id}:escalation")).Subject);
        Assert.Equal([$"action:{open.Id}:overdue"], await app.KeysAsync(owner.Id, open.Id));

        Assert.Empty(await app.KeysAsync(owner.Id, verified.Id));
        Assert.Empty(await app.KeysAsync(head.Id, verified.Id));
        // Implemented: the owner is done; it waits for verification by someone else, not for reminders.
        Assert.Empty(await app.KeysAsync(owner.Id, implemented.Id));
        Assert.Empty(await app.KeysAsync(head.Id, implemented.Id));
    }

    [Fact]
    public async Task One_run_tells_each_person_everything_in_one_notice_and_each_step_still_only_once()
    {
        // A department head with three overdue inspections, one due tomorrow and two overdue actions
        // of their own: the first run is one notice (and one e-mail) listing all six, most urgent first.
        var (department, head) = await app.CreateDepartmentWithHeadAsync("購買部", "Purchasing");
        var overdue = new List<Inspection>();
        foreach (var due in new[] { new DateOnly(2031, 2, 1), new DateOnly(2031, 2, 5), new DateOnly(2031, 2, 10) })
        {
            overdue.Add(await app.CreateInspectionAsync(department.Id, due, InspectionStatus.InProgress));
        }

        var soon = await app.CreateInspectionAsync(department.Id, new DateOnly(2031, 2, 16));
        // The second action is two weeks overdue: its owner's notice and its escalation to the head
        // (the same person) are listed once.
        var actions = new[] { ("発注先の評価表を更新する", new DateOnly(2031, 2, 12)), ("購買データの保管場所を施錠する", new DateOnly(2031, 2, 1)) }.Select(a => new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.Inspection,
            DepartmentId = department.Id,
            Action = a.Item1,
            OwnerId = head.Id,
            DueOn = a.Item2,
            Status = CorrectiveActionStatus.Open,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = head.Id,
        }).ToList();
        await using (var db = app.Db())
        {
            db.CorrectiveActions.AddRange(actions);
            await db.SaveChangesAsync();
        }

        await app.RemindAtAsync(Jst(2031, 2, 15, 9, 0));
        await app.RemindAtAsync(Jst(2031, 2, 15, 10, 0));

        var notices = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == head.Id).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal(NotificationKinds.Bundle, notice.Kind);
        Assert.Equal("【自己点検・是正処置】ご対応をお願いする事項が 6 件あります", notice.Subject);
        Assert.Equal("/Inspections", notice.Link);
        foreach (var action in actions)
        {
            Assert.Contains(action.Action, notice.Body);
        }

        // Overdue first (the inspections, then the actions), the reminder before its due date last.
        Assert.True(notice.Body.IndexOf("14 日過ぎています", StringComparison.Ordinal) < notice.Body.IndexOf("発注先の評価表", StringComparison.Ordinal));
        Assert.True(notice.Body.IndexOf("発注先の評価表", StringComparison.Ordinal) < notice.Body.IndexOf("回答期限が近づいています", StringComparison.Ordinal));
        var mail = Assert.Single(await app.OutboxAsync(head.Email!));
        Assert.Equal(notice.Id, mail.NotificationId);
        Assert.StartsWith(notice.Body, mail.Body);

        // Every step is recorded as delivered by that notice: none of them comes again.
        foreach (var inspection in overdue)
        {
            Assert.Equal([$"overdue:{inspection.Id}:0"], await app.KeysAsync(head.Id, inspection.Id));
        }

        Assert.Equal([$"reminder:{soon.Id}:due-1"], await app.KeysAsync(head.Id, soon.Id));
        Assert.Equal([$"action:{actions[0].Id}:overdue"], await app.KeysAsync(head.Id, actions[0].Id));
        Assert.Equal([$"action:{actions[1].Id}:escalation", $"action:{actions[1].Id}:overdue"], await app.KeysAsync(head.Id, actions[1].Id));
        Assert.Single(Regex.Matches(notice.Body, "購買データの保管場所を施錠する"));

        // Four days later two steps are new (the inspection due on 2/16 is overdue, the first action
        // escalates to the head): one more notice with those two, nothing repeated.
        await app.RemindAtAsync(Jst(2031, 2, 19, 9, 0));
        var later = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == head.Id && n.Id != notice.Id).ToListAsync());
        Assert.Equal("【自己点検・是正処置】ご対応をお願いする事項が 2 件あります", Assert.Single(later).Subject);
        Assert.Equal([$"reminder:{soon.Id}:due-1", $"overdue:{soon.Id}:0"], await app.KeysAsync(head.Id, soon.Id));
        Assert.Equal([$"action:{actions[0].Id}:overdue", $"action:{actions[0].Id}:escalation"], await app.KeysAsync(head.Id, actions[0].Id));

        Assert.Equal(2, (await app.OutboxAsync(head.Email!)).Count);
    }

    [Fact]
    public async Task The_notifier_writes_a_notification_and_its_email_once_even_when_called_concurrently()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var key = "test:" + Guid.NewGuid();

        async Task<bool> Notify()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(user.Id, key, NotificationKinds.Reminder,
                "Notification.Digest.More", "Notification.Digest.More", [3], "/Notifications");
        }

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Notify)));
        Assert.Single(created, c => c);
        Assert.False(await Notify());

        var notification = await app.NotificationAsync(user.Id, key);
        Assert.Equal("ほか 3 件", notification.Subject);
        var mail = Assert.Single(await app.OutboxAsync(user.Email!));
        Assert.Equal(notification.Id, mail.NotificationId);
        Assert.Equal(0, mail.Attempts);
    }
}
