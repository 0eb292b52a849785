using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Quartz;

namespace Controls.Web.Features.Admin.Jobs;

/// <summary>The scheduled jobs with their next and last fire times and last outcome; run one now. Administrators only.</summary>
public class IndexModel(ISchedulerFactory schedulers, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public string SchedulerName { get; private set; } = "";
    public string InstanceId { get; private set; } = "";
    public bool Running { get; private set; }
    public List<JobRow> Jobs { get; private set; } = [];

    public sealed record JobRow(string Name, string? Description, string Schedule, string TriggerState, DateTimeOffset? NextFire, DateTimeOffset? PreviousFire, JobRun? LastRun);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        SchedulerName = scheduler.SchedulerName;
        InstanceId = scheduler.SchedulerInstanceId;
        Running = await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;

        var lastRuns = await db.JobRuns.AsNoTracking()
            .GroupBy(r => r.JobName)
            .Select(g => g.OrderByDescending(r => r.FinishedAt).First())
            .ToListAsync(cancellationToken);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken)).Items;

        foreach (var job in jobs.Items.OrderBy(j => j.Key.Name, StringComparer.Ordinal))
        {
            var own = triggers.Where(t => Equals(t.JobKey, job.Key)).ToList();
            var next = own.OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).FirstOrDefault();
            var schedule = next is null ? "" : await Describe(scheduler, next.Key, cancellationToken);
            Jobs.Add(new JobRow(job.Key.Name, job.Description, schedule, next?.State.ToString() ?? "",
                next?.NextFireTimeUtc, own.Max(t => t.PreviousFireTimeUtc), lastRuns.FirstOrDefault(r => r.JobName == job.Key.Name)));
        }
    }

    private static async Task<string> Describe(IScheduler scheduler, TriggerKey key, CancellationToken cancellationToken) =>
        await scheduler.GetTrigger(key, cancellationToken) switch
        {
            ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
            { } other => other.GetType().Name,
            null => "",
        };

    public async Task<IActionResult> OnPostRunAsync(string job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(job);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return NotFound();
        }

        await scheduler.TriggerJob(key, new JobDataMap(), cancellationToken);
        TempData["Message"] = l["Jobs.Triggered", job].Value;
        return RedirectToPage();
    }
}
