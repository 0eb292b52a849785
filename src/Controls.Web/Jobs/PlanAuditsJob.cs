using Controls.Web.Features.Audits;
using Controls.Web.Infrastructure.Time;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>Plans the programme rules' audits and schedules those whose notice time has come (unique rule keys: once each). Hourly: the next run catches up.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class PlanAuditsJob(PlanAuditsFromRules plan, OrganisationClock clock)
{
    public const string Name = "plan-audits";

    [JobDisplayName("Job.plan-audits", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await plan.RunAsync(DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken);
        return $"planned: {result.Planned}, skipped: {result.Skipped}, scheduled: {result.Scheduled}, past windows: {result.Past}";
    }
}
