using Controls.Web.Features.Schedules;
using Quartz;

namespace Controls.Web.Jobs;

/// <summary>
/// Creates the inspections that are due. Runs every five minutes; after downtime its misfire
/// fires once on start and the generator catches up every missed period.
/// </summary>
[DisallowConcurrentExecution]
public sealed class GenerateInspectionsJob(GenerateDueInspections generate, TimeProvider time, ILogger<GenerateInspectionsJob> logger) : IJob
{
    public static readonly JobKey Key = new("generate-inspections");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await generate.RunAsync(time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Inspections generated: {Created} created, {Existing} already existed", result.Created, result.Existing);
        context.Result = $"created: {result.Created}, already existed: {result.Existing}";
    }
}
