using Controls.Web.Domain;
using Controls.Web.Infrastructure.Mail;
using Controls.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Notifications;

/// <summary>The mail outbox: an outage loses nothing, failures back off, and every message is sent exactly once.</summary>
public class OutboxTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<AppUser> NotifiedUserAsync(string language = "ja")
    {
        var user = await app.CreateUserAsync([Roles.DepartmentHead], (await app.CreateDepartmentAsync()).Id, language: language);
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(user.Id, "test:" + Guid.NewGuid(), NotificationKinds.Reminder,
            "Notification.Digest.More", "Notification.Digest.More", [1], "/Notifications"));
        return user;
    }

    [Fact]
    public async Task A_mail_outage_keeps_the_messages_backs_off_and_recovery_sends_each_exactly_once()
    {
        var start = new DateTimeOffset(2031, 2, 3, 9, 0, 0, TimeSpan.FromHours(9));
        app.Clock.Set(start);
        var users = new[] { await NotifiedUserAsync(), await NotifiedUserAsync("en"), await NotifiedUserAsync() };
        app.Mail.Down = true;
        try
        {
            // Each failure is recorded, and the next attempt waits 1, 5, 15, 60, then 60 minutes.
            var expectedWaits = new[] { 1, 5, 15, 60, 60 };
            for (var attempt = 1; attempt <= expectedWaits.Length; attempt++)
            {
                var result = await app.SendOutboxAsync();
                Assert.True(result.Failed >= users.Length, $"attempt {attempt}: {result}");
                foreach (var user in users)
                {
                    var message = Assert.Single(await app.OutboxAsync(user.Email!));
                    Assert.Null(message.SentAt);
                    Assert.Equal(attempt, message.Attempts);
                    Assert.Contains("test mail server is down", message.LastError);
                    Assert.Equal(app.Clock.GetUtcNow().AddMinutes(expectedWaits[attempt - 1]), message.NextAttemptAt);
                }

                // Not due yet: a run a moment before the next attempt leaves the messages alone.
                app.Clock.Set(app.Clock.GetUtcNow().AddMinutes(expectedWaits[attempt - 1]).AddSeconds(-1));
                await app.SendOutboxAsync();
                foreach (var user in users)
                {
                    Assert.Equal(attempt, Assert.Single(await app.OutboxAsync(user.Email!)).Attempts);
                }

                app.Clock.Set(app.Clock.GetUtcNow().AddSeconds(1));
            }
        }
        finally
        {
            app.Mail.Down = false;
        }

        // The server is back: each message goes once, and later runs send nothing again.
        await app.SendOutboxAsync();
        await app.SendOutboxAsync();
        app.Clock.Set(app.Clock.GetUtcNow().AddHours(2));
        await app.SendOutboxAsync();
        foreach (var user in users)
        {
            var mail = Assert.Single(app.Mail.SentTo(user.Email!));
            var message = Assert.Single(await app.OutboxAsync(user.Email!));
            Assert.NotNull(message.SentAt);
            Assert.Equal(6, message.Attempts);
            Assert.Equal(message.Subject, mail.Subject);
            Assert.Equal(message.Body, mail.Body);
        }

        Assert.Contains("ほか 1 件", app.Mail.SentTo(users[0].Email!).Single().Subject);
        Assert.Equal("and 1 more", app.Mail.SentTo(users[1].Email!).Single().Subject);
    }

    [Fact]
    public async Task Two_senders_at_once_never_send_a_message_twice()
    {
        app.Clock.Reset();
        var now = app.Clock.GetUtcNow();
        var recipients = Enumerable.Range(0, 45).Select(i => $"bulk{i}-{Guid.NewGuid():N}@test.example").ToList();
        await using (var db = app.Db())
        {
            db.OutboxMessages.AddRange(recipients.Select(to => new OutboxMessage { To = to, Subject = "件名", Body = "本文", CreatedAt = now, NextAttemptAt = now }));
            await db.SaveChangesAsync();
        }

        var results = await Task.WhenAll(app.SendOutboxAsync(), app.SendOutboxAsync());
        await app.SendOutboxAsync();

        Assert.All(recipients, to => Assert.Single(app.Mail.SentTo(to)));
        Assert.True(results[0].Sent > 0 || results[1].Sent > 0);
        foreach (var to in recipients)
        {
            var message = Assert.Single(await app.OutboxAsync(to));
            Assert.NotNull(message.SentAt);
            Assert.Equal(1, message.Attempts);
        }
    }

    [Fact]
    public void Back_off_grows_then_stays_hourly()
    {
        Assert.Equal(
            [1, 5, 15, 60, 60, 60],
            Enumerable.Range(1, 6).Select(attempts => (int)SendOutbox.Backoff(attempts).TotalMinutes).ToArray());
    }
}
