using Controls.Web.Features.Housekeeping;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>Prunes expired data-protection keys and old job-run records. Daily: a failed run is retried three times that day.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class HousekeepingJob(PruneExpiredData prune, ILogger<HousekeepingJob> logger)
{
    public const string Name = "housekeeping";

    [JobDisplayName("Job.housekeeping", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await prune.RunAsync(cancellationToken);
        logger.LogInformation("Housekeeping pruned {Keys} keys and {Runs} job runs", result.Keys, result.JobRuns);
        return $"keys: {result.Keys}, job runs: {result.JobRuns}";
    }
}
