using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Notifications;

/// <summary>
/// The reminder and outbox jobs in the real Hangfire server, with the app as
/// configured out of the box: no mail server, so e-mails wait in the outbox.
/// </summary>
public class NotificationJobTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task Both_jobs_are_scheduled_and_the_reminder_job_runs_through_the_scheduler()
    {
        foreach (var (job, cron) in new[] { (ReminderJob.Name, "0 * * * *"), (SendOutboxJob.Name, "* * * * *") })
        {
            var scheduled = app.RecurringJob(job);
            Assert.NotNull(scheduled.NextExecution);
            Assert.Equal(cron, scheduled.Cron);
        }

        var run = await app.RunJobNowAsync(ReminderJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.StartsWith("reminders: ", run.Message);
    }

    [Fact]
    public async Task Without_a_mail_server_e_mails_stay_pending_in_the_outbox_and_administrators_are_told()
    {
        var user = await app.CreateUserAsync([Roles.Management], (await app.CreateDepartmentAsync()).Id);
        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(user.Id, "test:" + Guid.NewGuid(), NotificationKinds.Digest,
                "Notification.Digest.More", "Notification.Digest.More", [5], "/Notifications"));
        }

        var run = await app.RunJobNowAsync(SendOutboxJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.StartsWith("mail is not configured (Mail:Host); pending: ", run.Message);

        var message = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.To == user.Email));
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
        Assert.Equal("", message.LastError);

        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Admin/Outbox");
        Assert.Contains("Mail:Host", page.QuerySelector("[data-testid=mail-not-configured]")!.TextContent);
        Assert.Contains(user.Email!, page.QuerySelector("[data-testid=outbox-table]")!.TextContent);
        Assert.Contains("送信待ち", page.QuerySelector("[data-testid=outbox-table]")!.TextContent);
    }
}
