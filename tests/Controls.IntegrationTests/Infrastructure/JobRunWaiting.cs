using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>
/// For tests that trigger a job in the real scheduler: the id of the latest recorded run before
/// triggering, then the first run of that job recorded after it (the scheduler runs it on its own thread).
/// </summary>
public static class JobRunWaiting
{
    public static async Task<long> LastJobRunIdAsync(this ControlsApp app) =>
        await app.QueryAsync(db => db.JobRuns.MaxAsync(r => (long?)r.Id)) ?? 0;

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
