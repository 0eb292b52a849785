using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// One schedule: its settings, next periods, what it generated per period (by status), and
/// pause / resume / end. Compliance officers and administrators.
/// </summary>
public class DetailsModel(AppDbContext db, ScheduleLifecycle lifecycle, GenerateDueInspections generate, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public InspectionSchedule Schedule { get; private set; } = null!;
    public string CatalogTitle { get; private set; } = "";
    public string? DivisionName { get; private set; }
    public List<string> DepartmentNames { get; private set; } = [];
    public List<Period> Upcoming { get; private set; } = [];
    public List<GeneratedPeriod> Generated { get; private set; } = [];

    /// <summary>The current period, when some targets joined after it was generated.</summary>
    public Period? CurrentPeriod { get; private set; }

    /// <summary>Departments and contractors that are targets now but have no inspection in the current period.</summary>
    public List<MissingTarget> Missing { get; private set; } = [];

    public sealed record MissingTarget(string Key, string Name, bool IsContractor);

    [BindProperty]
    public uint Version { get; set; }

    public sealed record GeneratedPeriod(DateOnly Start, DateOnly End, DateOnly DueOn, int Total, int NotStarted, int InProgress, int Submitted, int Returned, int Accepted, int Overdue);

    public async Task<IActionResult> OnGetAsync(Guid id) => await Load(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostPauseAsync(Guid id) => Change(id, () => lifecycle.PauseAsync(id, Version), "Schedules.Paused");

    public Task<IActionResult> OnPostEndAsync(Guid id) => Change(id, () => lifecycle.EndAsync(id, Version), "Schedules.Ended");

    public async Task<IActionResult> OnPostResumeAsync(Guid id)
    {
        var result = await Change(id, () => lifecycle.ResumeAsync(id, Version), "Schedules.Resumed");
        await generate.GenerateAsync(id, time.GetUtcNow(), clock.Settings.FiscalYearStartMonth);
        return result;
    }

    /// <summary>Creates the current period's inspection for one target that joined mid-period (<paramref name="target"/>), or for all of them.</summary>
    public async Task<IActionResult> OnPostCreateMissingAsync(Guid id, string? target)
    {
        if (!await db.InspectionSchedules.AnyAsync(s => s.Id == id))
        {
            return NotFound();
        }

        var result = await generate.AddMissingAsync(id, time.GetUtcNow(), clock.Settings.FiscalYearStartMonth, string.IsNullOrEmpty(target) ? null : target);
        TempData["Message"] = result.Created > 0 ? l["Schedules.MissingCreated", result.Created].Value : l["Schedules.MissingNone"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> Change(Guid id, Func<Task<ScheduleLifecycle.Outcome>> change, string message)
    {
        switch (await change())
        {
            case ScheduleLifecycle.Outcome.NotFound:
                return NotFound();
            case ScheduleLifecycle.Outcome.Done:
                TempData["Message"] = l[message].Value;
                return RedirectToPage("Details", new { id });
            case ScheduleLifecycle.Outcome.Conflict:
                ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
                break;
            default:
                ModelState.AddModelError("", l["Schedules.NotAllowed"]);
                break;
        }

        await Load(id);
        return Page();
    }

    private async Task<bool> Load(Guid id)
    {
        var schedule = await db.InspectionSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (schedule is null)
        {
            return false;
        }

        var language = Languages.Current;
        Schedule = schedule;
        Version = schedule.Version;
        CatalogTitle = await db.CatalogVersions.Where(v => v.CatalogId == schedule.CatalogId).OrderByDescending(v => v.Number)
            .Select(v => language == "en" ? v.TitleEn : v.TitleJa).FirstOrDefaultAsync() ?? "";
        DivisionName = schedule.DivisionId is { } division
            ? await db.Departments.Where(d => d.Id == division).Select(d => d.Code + " " + (language == "en" ? d.NameEn : d.NameJa)).SingleOrDefaultAsync()
            : null;
        DepartmentNames = await db.Departments.Where(d => schedule.DepartmentIds.Contains(d.Id)).OrderBy(d => d.Code)
            .Select(d => d.Code + " " + (language == "en" ? d.NameEn : d.NameJa)).ToListAsync();
        Upcoming = schedule.Status == ScheduleStatus.Ended ? [] : Periods.Upcoming(schedule, time.GetUtcNow(), 5, clock.Settings.FiscalYearStartMonth).ToList();
        var (period, missing) = await generate.MissingAsync(id, time.GetUtcNow(), clock.Settings.FiscalYearStartMonth);
        CurrentPeriod = period;
        if (missing.Count > 0)
        {
            var departmentIds = missing.Select(t => t.DepartmentId).ToList();
            var contractorIds = missing.Where(t => t.ContractorId != null).Select(t => t.ContractorId!.Value).ToList();
            var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => d.Code + " " + (language == "en" ? d.NameEn : d.NameJa));
            var contractors = await db.Contractors.Where(c => contractorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
            Missing = missing.Select(t => t.ContractorId is { } contractor
                    ? new MissingTarget(t.Key, contractors.GetValueOrDefault(contractor, "") + " (" + departments.GetValueOrDefault(t.DepartmentId, "") + ")", true)
                    : new MissingTarget(t.Key, departments.GetValueOrDefault(t.DepartmentId, ""), false))
                .ToList();
        }

        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Generated = await db.Inspections.Where(i => i.ScheduleId == id)
            .GroupBy(i => new { i.PeriodStart, i.PeriodEnd, i.DueOn })
            .OrderByDescending(g => g.Key.PeriodStart)
            .Select(g => new GeneratedPeriod(g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.DueOn, g.Count(),
                g.Count(i => i.Status == InspectionStatus.NotStarted), g.Count(i => i.Status == InspectionStatus.InProgress),
                g.Count(i => i.Status == InspectionStatus.Submitted), g.Count(i => i.Status == InspectionStatus.Returned),
                g.Count(i => i.Status == InspectionStatus.Accepted),
                g.Count(i => g.Key.DueOn < today && (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned))))
            .ToListAsync();
        return true;
    }
}
