using System.Resources;

namespace Controls.Web.Jobs;

/// <summary>
/// The jobs' names in the reader's language, for the job dashboard (Admin → 定期ジョブ) and pages
/// that list job runs: resources "Job.{name}" of the shared ja/en texts. Hangfire reads them through
/// <c>[JobDisplayName("Job.…", ResourceType = typeof(JobNames))]</c>, which asks this type's
/// <see cref="ResourceManager"/> in the request's UI culture.
/// </summary>
public static class JobNames
{
    public static ResourceManager ResourceManager { get; } = new("Controls.Web.Resources.SharedResource", typeof(JobNames).Assembly);

    /// <summary>The name of the job recorded as <paramref name="jobName"/> (job_runs.job_name), or that name when it has none.</summary>
    public static string Of(string jobName) =>
        ResourceManager.GetString("Job." + jobName, System.Globalization.CultureInfo.CurrentUICulture) ?? jobName;
}
