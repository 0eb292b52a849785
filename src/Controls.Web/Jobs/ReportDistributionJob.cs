using Controls.Web.Features.Reports.Distribution;
using Controls.Web.Infrastructure.Time;
using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>Generates the scheduled management-review workbooks that are due (once per schedule and period). Daily: a failed run is retried three times that day.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ReportDistributionJob(DistributeReports distribute, OrganisationClock clock)
{
    public const string Name = "report-distribution";

    [JobDisplayName("Job.report-distribution", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await distribute.RunAsync(DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken);
        return $"generated: {result.Generated}, notified: {result.Notified}";
    }
}
