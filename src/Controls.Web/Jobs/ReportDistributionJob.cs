using Controls.Web.Features.Reports.Distribution;
using Quartz;

namespace Controls.Web.Jobs;

[DisallowConcurrentExecution]
public sealed class ReportDistributionJob(DistributeReports distribute, Infrastructure.Time.OrganisationClock clock) : IJob
{
    public static readonly JobKey Key = new("report-distribution");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await distribute.RunAsync(DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken);
        context.Result = $"generated: {result.Generated}, notified: {result.Notified}";
    }
}
