using Controls.Web.Features.Schedules;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Creates the inspections that are due. Every five minutes; after downtime the generator catches
/// up every missed period itself, so a failed run is not retried (the next one does the work).
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 240)]
public sealed class GenerateInspectionsJob(GenerateDueInspections generate, TimeProvider time, ILogger<GenerateInspectionsJob> logger)
{
    public const string Name = "generate-inspections";

    [JobDisplayName("Job.generate-inspections", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await generate.RunAsync(time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Inspections generated: {Created} created, {Existing} already existed", result.Created, result.Existing);
        return $"created: {result.Created}, already existed: {result.Existing}";
    }
}
