using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// The inspection schedules with their next period and what they generated, filterable by status
/// and exported (CSV, Excel) exactly as filtered. Compliance officers and administrators.
/// </summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public ScheduleStatus? Status { get; set; }

    public sealed record Row(Guid Id, string Name, string Catalog, ScheduleTargets Targets, ScheduleRecurrence Recurrence, ScheduleStatus Status, int Inspections, int Open, Period? Next);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await RowsAsync(cancellationToken);

    /// <summary>CSV or Excel of the schedules the filter shows, in the list's order and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Schedules.Name"], 28), new(l["Schedules.Catalog"], 30), new(l["Schedules.Targets"], 16), new(l["Schedules.Recurrence"], 12),
            new(l["Export.NextPeriodStart"], 12, XlsxKind.Date), new(l["Export.NextPeriodEnd"], 12, XlsxKind.Date),
            new(l["Schedules.Generated"], 10), new(l["Export.NotAccepted"], 10), new(l["Field.Status"], 10),
        ];
        var cells = rows.Select(s => new object?[]
        {
            s.Name, s.Catalog, l["Schedules.Target." + s.Targets].Value, l["Schedules.Recurrence." + s.Recurrence].Value,
            s.Next?.Start, s.Next?.End, s.Inspections, s.Open, l["Schedules.Status." + s.Status].Value,
        }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "schedules", l["Schedules.Title"], columns, cells, clock, cancellationToken);
    }

    /// <summary>The schedules the filter shows, by name (the page and its export).</summary>
    private async Task<List<Row>> RowsAsync(CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var query = db.InspectionSchedules.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        var schedules = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var titles = await db.Catalogs.Select(c => new { c.Id, Title = c.Versions.OrderByDescending(v => v.Number).Select(v => language == "en" ? v.TitleEn : v.TitleJa).First() })
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var counts = await db.Inspections.Where(i => i.ScheduleId != null).GroupBy(i => i.ScheduleId!.Value)
            .Select(g => new { g.Key, All = g.Count(), Open = g.Count(i => i.Status != InspectionStatus.Accepted) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var now = time.GetUtcNow();
        return schedules.Select(s => new Row(s.Id, s.Name, titles.GetValueOrDefault(s.CatalogId, ""), s.Targets, s.Recurrence, s.Status,
            counts.TryGetValue(s.Id, out var c) ? c.All : 0, c?.Open ?? 0,
            s.Status == ScheduleStatus.Active ? Periods.Upcoming(s, now, 1, clock.Settings.FiscalYearStartMonth).FirstOrDefault() : null)).ToList();
    }
}
