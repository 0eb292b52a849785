using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>The housekeeping job, run by the real Hangfire server.</summary>
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

        var daily = app.RecurringJob(HousekeepingJob.Name);
        Assert.Equal("30 3 * * *", daily.Cron);
        Assert.NotNull(daily.NextExecution);

        var run = await app.RunJobNowAsync(HousekeepingJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.Equal("keys: 1, job runs: 1", run.Message);

        var names = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.DoesNotContain("old", names);
        Assert.Contains("recently-expired", names);
        Assert.False(await app.QueryAsync(db => db.JobRuns.AnyAsync(r => r.JobName == "old-run")));
    }
}
