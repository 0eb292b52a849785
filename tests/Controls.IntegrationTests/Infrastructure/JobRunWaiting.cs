using Controls.Web.Domain;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>
/// For tests of the jobs in the real Hangfire server: a recurring job as stored, "run now" (as the
/// dashboard's trigger does), and the first run of a job recorded after a given one (the server runs
/// it on its own worker).
/// </summary>
public static class JobRunWaiting
{
    public static async Task<long> LastJobRunIdAsync(this ControlsApp app) =>
        await app.QueryAsync(db => db.JobRuns.MaxAsync(r => (long?)r.Id)) ?? 0;

    /// <summary>The recurring job as the job store keeps it (id, cron, time zone, next execution).</summary>
    public static RecurringJobDto RecurringJob(this ControlsApp app, string name)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return Assert.Single(connection.GetRecurringJobs([name]), j => !j.Removed);
    }

    /// <summary>
    /// Runs a recurring job now, on the server's worker (as the dashboard's "Trigger now" does), and
    /// returns its recorded run.
    /// </summary>
    public static async Task<JobRun> RunJobNowAsync(this ControlsApp app, string name)
    {
        var before = await app.LastJobRunIdAsync();
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(name);
        return await app.WaitForJobRunAsync(name, before);
    }

    /// <summary>
    /// An app whose Hangfire server does not run: its recurring jobs stay registered but nothing
    /// fires, for tests that play chosen instants themselves (or run servers of their own).
    /// </summary>
    public static void RemoveJobServer(this IServiceCollection services)
    {
        foreach (var server in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationFactory?.Method.DeclaringType?.Assembly.GetName().Name?.StartsWith("Hangfire", StringComparison.Ordinal) == true).ToList())
        {
            services.Remove(server);
        }
    }

    /// <summary>Takes every recurring job off the schedule, for tests that play chosen instants themselves.</summary>
    public static void RemoveRecurringJobs(this ControlsApp app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            jobs.RemoveIfExists(job.Id);
        }
    }

    public static async Task<JobRun> WaitForJobRunAsync(this ControlsApp app, string job, long afterId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var run = await app.QueryAsync(db => db.JobRuns.Where(r => r.JobName == job && r.Id > afterId).OrderBy(r => r.Id).FirstOrDefaultAsync());
            if (run is not null)
            {
                return run;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"job {job} did not run within 30 s");
    }
}
