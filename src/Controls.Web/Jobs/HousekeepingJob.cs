using Controls.Web.Features.Housekeeping;
using Quartz;

namespace Controls.Web.Jobs;

[DisallowConcurrentExecution]
public sealed class HousekeepingJob(PruneExpiredData prune, ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await prune.RunAsync(cancellationToken);
        logger.LogInformation("Housekeeping pruned {Keys} keys and {Runs} job runs", result.Keys, result.JobRuns);
        context.Result = $"keys: {result.Keys}, job runs: {result.JobRuns}";
    }
}
