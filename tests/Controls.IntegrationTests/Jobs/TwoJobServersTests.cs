using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Controls.Web.Features.Notifications;
using Controls.Web.Features.Schedules;
using Controls.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Jobs;

/// <summary>The notifications app (whose own server is off) with two Hangfire servers on one job store, as two nodes have.</summary>
public class TwoJobServersApp : NotificationsApp
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        foreach (var node in new[] { "first-node", "second-node" })
        {
            services.AddHangfireServer(o =>
            {
                o.ServerName = node;
                o.WorkerCount = 5;
            });
        }
    }
}

/// <summary>
/// Hangfire may run a job twice (known for Hangfire.Storage.SQLite; docs/adr/0009), so every job is
/// idempotent. Two servers on one job store (the provider this test run uses) run the generation and
/// reminder jobs many times over, and the same work also starts at once outside Hangfire's lock:
/// nothing is created twice and no run fails.
/// </summary>
public class TwoJobServersTests(TwoJobServersApp app) : IClassFixture<TwoJobServersApp>
{
    [Fact]
    public async Task Two_servers_running_the_same_jobs_at_once_create_nothing_twice()
    {
        var now = NotificationsApp.Jst(2026, 6, 10, 10);
        app.Clock.Set(now);
        var version = await app.CatalogAsync();
        var (sales, salesHead) = await app.CreateDepartmentWithHeadAsync("営業部", "Sales");
        var (finance, financeHead) = await app.CreateDepartmentWithHeadAsync("経理部", "Finance");
        var schedule = new InspectionSchedule
        {
            Id = Guid.NewGuid(),
            Name = "月次点検 " + Guid.NewGuid(),
            CatalogId = version.CatalogId,
            Targets = ScheduleTargets.Departments,
            DepartmentIds = [sales.Id, finance.Id],
            Recurrence = ScheduleRecurrence.Monthly,
            DueDays = 14,
            StartsOn = new DateOnly(2026, 4, 1),
            TimeZone = "Asia/Tokyo",
            Status = ScheduleStatus.Active,
            CreatedAt = now.ToUniversalTime(),
        };
        await using (var db = app.Db())
        {
            db.InspectionSchedules.Add(schedule);
            await db.SaveChangesAsync();
        }

        var dueTomorrow = await app.CreateInspectionAsync(sales.Id, new DateOnly(2026, 6, 11));
        var overdue = await app.CreateInspectionAsync(finance.Id, new DateOnly(2026, 6, 1));

        // Through Hangfire: six of each job, taken by the two servers' workers.
        var previous = await app.LastJobRunIdAsync();
        var client = app.Services.GetRequiredService<IBackgroundJobClient>();
        for (var i = 0; i < 6; i++)
        {
            client.Enqueue<GenerateInspectionsJob>(j => j.RunAsync(CancellationToken.None));
            client.Enqueue<ReminderJob>(j => j.RunAsync(CancellationToken.None));
        }

        var runs = await WaitForRunsAsync(previous, 12);
        Assert.All(runs, r => Assert.True(r.Succeeded, $"{r.JobName} on {r.NodeId}: {r.Message}"));

        // The same work at once, outside the jobs' lock (as when a job store hands one job to two workers).
        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[]
        {
            InScopeAsync(s => s.GetRequiredService<GenerateDueInspections>().RunAsync(now)),
            InScopeAsync(s => s.GetRequiredService<SendReminders>().RunAsync()),
        }));

        // April, May and June for both departments: six inspections, once each.
        var generated = await app.QueryAsync(db => db.Inspections.Where(i => i.ScheduleId == schedule.Id)
            .Select(i => new { i.TargetKey, i.PeriodStart }).ToListAsync());
        Assert.Equal(6, generated.Count);
        Assert.Equal(6, generated.Distinct().Count());

        // Each reminder step once, and one e-mail per notification.
        Assert.Equal([$"reminder:{dueTomorrow.Id}:due-1"], await app.KeysAsync(salesHead.Id, dueTomorrow.Id));
        Assert.Equal([$"overdue:{overdue.Id}:0"], await app.KeysAsync(financeHead.Id, overdue.Id));
        var notifications = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == salesHead.Id || n.UserId == financeHead.Id));
        var mails = await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == salesHead.Email || m.To == financeHead.Email));
        Assert.Equal(notifications, mails);
    }

    private async Task InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        await work(scope.ServiceProvider);
    }

    private async Task<List<JobRun>> WaitForRunsAsync(long afterId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await app.QueryAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Id > afterId && (r.JobName == GenerateInspectionsJob.Name || r.JobName == ReminderJob.Name)).OrderBy(r => r.Id).ToListAsync());
            if (runs.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(runs.Count >= count, $"{runs.Count} of {count} runs recorded within 60 s");
                return runs;
            }

            await Task.Delay(250);
        }
    }
}
