using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Schedules;

/// <summary>All inspection schedules with their next period and what they generated. Compliance officers and administrators.</summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Catalog, ScheduleTargets Targets, ScheduleRecurrence Recurrence, ScheduleStatus Status, int Inspections, int Open, Period? Next);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        var schedules = await db.InspectionSchedules.AsNoTracking().OrderBy(s => s.Name).ToListAsync();
        var titles = await db.Catalogs.Select(c => new { c.Id, Title = c.Versions.OrderByDescending(v => v.Number).Select(v => language == "en" ? v.TitleEn : v.TitleJa).First() })
            .ToDictionaryAsync(c => c.Id, c => c.Title);
        var counts = await db.Inspections.Where(i => i.ScheduleId != null).GroupBy(i => i.ScheduleId!.Value)
            .Select(g => new { g.Key, All = g.Count(), Open = g.Count(i => i.Status != InspectionStatus.Accepted) })
            .ToDictionaryAsync(g => g.Key);
        var now = time.GetUtcNow();
        Rows = schedules.Select(s => new Row(s.Id, s.Name, titles.GetValueOrDefault(s.CatalogId, ""), s.Targets, s.Recurrence, s.Status,
            counts.TryGetValue(s.Id, out var c) ? c.All : 0, c?.Open ?? 0,
            s.Status == ScheduleStatus.Active ? Periods.Upcoming(s, now, 1, clock.Settings.FiscalYearStartMonth).FirstOrDefault() : null)).ToList();
    }
}
