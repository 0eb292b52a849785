using Controls.Web.Features.Audits;
using Quartz;

namespace Controls.Web.Jobs;

[DisallowConcurrentExecution]
public sealed class PlanAuditsJob(PlanAuditsFromRules plan, Infrastructure.Time.OrganisationClock clock) : IJob
{
    public static readonly JobKey Key = new("plan-audits");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await plan.RunAsync(DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken);
        context.Result = $"planned: {result.Planned}, skipped: {result.Skipped}, scheduled: {result.Scheduled}, past windows: {result.Past}";
    }
}
