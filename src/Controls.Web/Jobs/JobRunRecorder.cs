using Controls.Web.Data;
using Controls.Web.Domain;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Writes each job execution's outcome to job_runs, for the administrators' job page.</summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunRecorder> logger) : IJobListener
{
    public string Name => nameof(JobRunRecorder);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var finished = time.GetUtcNow();
            db.JobRuns.Add(new JobRun
            {
                JobName = context.JobDetail.Key.Name,
                NodeId = context.Scheduler.SchedulerInstanceId,
                StartedAt = finished - context.JobRunTime,
                FinishedAt = finished,
                Succeeded = jobException is null,
                Message = Truncate(jobException?.InnerException?.Message ?? jobException?.Message ?? context.Result?.ToString() ?? ""),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record the run of job {Job}", context.JobDetail.Key);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
