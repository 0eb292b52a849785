using Controls.Web.Data;
using Controls.Web.Domain;
using Hangfire.Server;

namespace Controls.Web.Jobs;

/// <summary>
/// Writes each job execution's outcome to job_runs (job name, node, start, finish, succeeded,
/// message): the history pages and tests read, kept in the app's database whatever the job store.
/// </summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunRecorder> logger) : IServerFilter
{
    private const string StartedKey = "controls.started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = time.GetUtcNow();

    public void OnPerformed(PerformedContext context)
    {
        var name = JobSchedule.NameOf(context.BackgroundJob.Job.Type);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var finished = time.GetUtcNow();
            var failure = context.Exception is { } e ? (e.InnerException ?? e).Message : null;
            db.JobRuns.Add(new JobRun
            {
                JobName = name,
                NodeId = context.ServerId ?? "",
                StartedAt = context.Items.TryGetValue(StartedKey, out var started) && started is DateTimeOffset at ? at : finished,
                FinishedAt = finished,
                Succeeded = context.Exception is null,
                Message = Truncate(failure ?? context.Result?.ToString() ?? ""),
            });
            // Filters are synchronous in Hangfire; the job's own work has finished by now.
            db.SaveChanges();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the run of job {Job}", name);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
