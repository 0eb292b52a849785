using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Notifications;

/// <summary>The notification list with its unread badge, and the administrators' outbox page.</summary>
public class NotificationPagesTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<Notification> NotifyAsync(AppUser user, int number, string link = "/Notifications")
    {
        var key = $"page-test:{Guid.NewGuid()}";
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(user.Id, key, NotificationKinds.Reminder,
            "Notification.Digest.More", "Notification.Digest.Department", [number, 2], link));
        return await app.NotificationAsync(user.Id, key);
    }

    /// <summary>Posts to a handler as a forged or replayed form would: only the (valid) antiforgery token.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, AngleSharp.Dom.IDocument page, string url) =>
        client.PostAsync(url, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

    private static string? Badge(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-testid=unread-badge]")?.TextContent;

    [Fact]
    public async Task A_user_sees_their_own_notifications_newest_first_and_marks_them_read()
    {
        var (client, user) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var other = await app.CreateUserAsync([Roles.DepartmentHead], user.DepartmentId);
        var first = await NotifyAsync(user, 1);
        var second = await NotifyAsync(user, 2, "/Catalog");
        var third = await NotifyAsync(user, 3);
        await NotifyAsync(other, 99);

        Assert.Equal("3", Badge(await client.GetPageAsync("/")));
        var page = await client.GetPageAsync("/Notifications");
        var rows = page.QuerySelectorAll("[data-testid=notification]");
        Assert.Equal(["ほか 3 件", "ほか 2 件", "ほか 1 件"], rows.Select(r => r.QuerySelector("[data-testid=notification-open]")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal("false", r.GetAttribute("data-read")));
        Assert.All(rows, r => Assert.Contains("notification-unread", r.ClassName));
        Assert.Contains("■ 3(2 件)", rows[0].TextContent);
        Assert.DoesNotContain("ほか 99 件", page.Body!.TextContent);

        // Mark one read.
        var read = await client.SubmitFormAsync(page, [], $"form[action*='handler=Read'][action*='{third.Id}']");
        Assert.StartsWith("/Notifications", read.RedirectPath());
        page = await client.FollowAsync(read);
        Assert.Equal("2", Badge(page));
        Assert.Equal("true", page.QuerySelectorAll("[data-testid=notification]")[0].GetAttribute("data-read"));
        Assert.NotNull((await app.NotificationAsync(user.Id, third.DedupKey)).ReadAt);

        // Opening one goes where it points and marks it read.
        var open = await client.SubmitFormAsync(page, [], $"form[action*='handler=Open'][action*='{second.Id}']");
        Assert.Equal("/Catalog", open.RedirectPath());
        Assert.Equal("1", Badge(await client.GetPageAsync("/Notifications")));

        // Mark all read: no badge, and nothing of the other user's changed.
        var all = await client.SubmitFormAsync("/Notifications", [], "[data-testid=read-all]");
        page = await client.FollowAsync(all);
        Assert.Null(Badge(page));
        Assert.Contains("すべてのお知らせを既読にしました。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull((await app.NotificationAsync(user.Id, first.DedupKey)).ReadAt);
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == other.Id && n.ReadAt == null)));
    }

    [Fact]
    public async Task Another_users_notification_cannot_be_opened_or_marked_read()
    {
        var (_, ownerUser) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var notification = await NotifyAsync(ownerUser, 7);
        var (intruder, _) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var page = await intruder.GetPageAsync("/Notifications");
        Assert.Empty(page.QuerySelectorAll("[data-testid=notification]"));
        Assert.Contains("お知らせはありません。", page.Body!.TextContent);

        foreach (var handler in new[] { "Read", "Open" })
        {
            var response = await PostAsync(intruder, page, $"/Notifications?handler={handler}&id={notification.Id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var malformed = await PostAsync(intruder, page, $"/Notifications?handler={handler}&id=%27%3Bdrop%20table");
            Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        }

        Assert.Null((await app.NotificationAsync(ownerUser.Id, notification.DedupKey)).ReadAt);
    }

    [Fact]
    public async Task Administrators_see_the_outbox_and_retry_a_failing_message_now()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var failing = new OutboxMessage
        {
            To = $"failing{Guid.NewGuid():N}@test.example",
            Subject = "失敗中のメール",
            Body = "本文",
            CreatedAt = now.AddHours(-3),
            Attempts = 4,
            LastError = "Failure sending mail. ← Connection refused",
            NextAttemptAt = now.AddMinutes(50),
        };
        var sent = new OutboxMessage
        {
            To = $"sent{Guid.NewGuid():N}@test.example",
            Subject = "送信済みのメール",
            Body = "本文",
            CreatedAt = now.AddHours(-2),
            Attempts = 1,
            NextAttemptAt = now.AddHours(-2),
            SentAt = now.AddHours(-2),
        };
        await using (var db = app.Db())
        {
            db.OutboxMessages.AddRange(failing, sent);
            await db.SaveChangesAsync();
        }

        var page = await admin.GetPageAsync("/Admin/Outbox");
        Assert.Null(page.QuerySelector("[data-testid=mail-not-configured]"));
        var table = page.QuerySelector("[data-testid=outbox-table]")!.TextContent;
        Assert.Contains("失敗中のメール", table);
        Assert.Contains("再送待ち", table);
        Assert.Contains("Connection refused", table);
        Assert.DoesNotContain("送信済みのメール", table);
        Assert.Contains("送信済みのメール", (await admin.GetPageAsync("/Admin/Outbox?Status=sent")).QuerySelector("[data-testid=outbox-table]")!.TextContent);
        Assert.Contains("送信済みのメール", (await admin.GetPageAsync("/Admin/Outbox?Status=all")).QuerySelector("[data-testid=outbox-table]")!.TextContent);
        Assert.Contains("失敗中のメール", (await admin.GetPageAsync("/Admin/Outbox?Status=<script>")).QuerySelector("[data-testid=outbox-table]")!.TextContent);

        var retry = await admin.SubmitFormAsync(page, [], $"[data-id='{failing.Id}'] form");
        page = await admin.FollowAsync(retry);
        Assert.Contains("次回の送信処理(1分以内)で送信します。", page.QuerySelector("[role=status]")!.TextContent);
        var retried = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == failing.Id));
        Assert.True(retried.NextAttemptAt <= DateTimeOffset.UtcNow);
        Assert.Equal(4, retried.Attempts);

        // The next send run (here run directly) sends it.
        await app.SendOutboxAsync();
        Assert.Single(app.Mail.SentTo(failing.To));

        // Retrying a sent message changes nothing; an unknown one is not found.
        var again = await PostAsync(admin, page, $"/Admin/Outbox?handler=Retry&id={sent.Id}");
        Assert.Contains("このメールは送信済みです。", (await admin.FollowAsync(again)).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(sent.NextAttemptAt, (await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == sent.Id))).NextAttemptAt);
        var unknown = await PostAsync(admin, page, "/Admin/Outbox?handler=Retry&id=999999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
