using System.Globalization;
using System.Reflection;
using Controls.Web.Jobs;
using Hangfire;

namespace Controls.Tests.Jobs;

/// <summary>Every recurring job is named in Japanese and English on the job dashboard.</summary>
public class JobNamesTests
{
    public static TheoryData<Type> Jobs() =>
        [.. typeof(JobNames).Assembly.GetTypes().Where(t => t.Namespace == typeof(JobNames).Namespace && t.GetField("Name", BindingFlags.Public | BindingFlags.Static) is not null)];

    [Theory]
    [MemberData(nameof(Jobs))]
    public void A_job_is_shown_by_its_name_in_the_readers_language(Type job)
    {
        var run = job.GetMethod("RunAsync")!;
        var display = run.GetCustomAttribute<JobDisplayNameAttribute>();
        Assert.NotNull(display);
        Assert.Equal(typeof(JobNames), display.ResourceType);
        Assert.Equal("Job." + JobSchedule.NameOf(job), display.DisplayName);

        var japanese = JobNames.ResourceManager.GetString(display.DisplayName, CultureInfo.GetCultureInfo("ja"));
        var english = JobNames.ResourceManager.GetString(display.DisplayName, CultureInfo.GetCultureInfo("en"));
        Assert.Matches(@"[\u3040-\u30ff\u4e00-\u9fff]", japanese);
        Assert.DoesNotMatch(@"[\u3040-\u30ff\u4e00-\u9fff]", english);
    }

    [Fact]
    public void Twelve_jobs_are_named()
    {
        Assert.Equal(12, Jobs().Count);
    }
}
