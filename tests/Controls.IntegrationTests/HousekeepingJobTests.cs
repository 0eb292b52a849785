using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Controls.IntegrationTests;

/// <summary>The housekeeping job, run by the real (persistent, clustered) Quartz scheduler.</summary>
public class HousekeepingJobTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string KeyXml(DateTimeOffset expires) =>
        $"<key id=\"{Guid.NewGuid()}\" version=\"1\"><creationDate>{expires.AddDays(-90):O}</creationDate><activationDate>{expires.AddDays(-88):O}</activationDate><expirationDate>{expires:O}</expirationDate></key>";

    [Fact]
    public async Task The_job_is_scheduled_daily_and_prunes_only_long_expired_keys_and_old_job_runs()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var db = app.Db())
        {
            db.DataProtectionKeys.AddRange(
                new DataProtectionKey { FriendlyName = "old", Xml = KeyXml(now.AddDays(-120)) },
                new DataProtectionKey { FriendlyName = "recently-expired", Xml = KeyXml(now.AddDays(-10)) });
            db.JobRuns.Add(new JobRun { JobName = "old-run", NodeId = "n", StartedAt = now.AddDays(-200), FinishedAt = now.AddDays(-200), Succeeded = true });
            await db.SaveChangesAsync();
        }

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = HousekeepingJob.Key });
        var daily = Assert.Single(triggers.Items);
        Assert.NotNull(daily.NextFireTimeUtc);

        var previous = await app.LastJobRunIdAsync();
        await scheduler.TriggerJob(HousekeepingJob.Key, new JobDataMap());
        var run = await app.WaitForJobRunAsync(HousekeepingJob.Key.Name, previous);
        Assert.True(run.Succeeded, run.Message);
        Assert.Equal("keys: 1, job runs: 1", run.Message);

        var names = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.DoesNotContain("old", names);
        Assert.Contains("recently-expired", names);
        Assert.False(await app.QueryAsync(db => db.JobRuns.AnyAsync(r => r.JobName == "old-run")));
    }

    [Fact]
    public async Task The_jobs_page_shows_the_job_its_next_run_and_last_outcome()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Admin/Jobs");
        var table = page.QuerySelector("[data-testid=jobs-table]")!.TextContent;
        Assert.Contains("housekeeping", table);
        Assert.Contains("0 30 3 * * ?", table);

        var previous = await app.LastJobRunIdAsync();
        var run = await admin.SubmitFormAsync(page, new() { ["job"] = HousekeepingJob.Key.Name }, "[data-testid=jobs-table] form");
        Assert.Equal("/Admin/Jobs", run.RedirectPath());
        await app.WaitForJobRunAsync(HousekeepingJob.Key.Name, previous);
        Assert.Contains("成功", (await admin.GetPageAsync("/Admin/Jobs")).QuerySelector("[data-testid=jobs-table]")!.TextContent);
    }
}
