using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Reports.Distribution;

/// <summary>
/// Scheduled distribution of the management-review workbook (compliance officers): monthly or
/// quarterly, covering the previous month / quarter or the fiscal year to date, in Japanese or
/// English, to chosen users or to everyone with the management role. The daily job generates and
/// notifies (<see cref="DistributeReports"/>); the deliveries made so far are listed with their links.
/// A schedule is paused and resumed, never deleted (its deliveries refer to it).
/// </summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxRecipients = 200;

    public List<ScheduleRow> Schedules { get; private set; } = [];
    public List<DeliveryRow> Deliveries { get; private set; } = [];
    public List<(Guid Id, string Name)> Users { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public sealed record ScheduleRow(Guid Id, string Name, DistributionFrequency Frequency, DistributionPeriod Period, string Language, string Recipients, bool IsActive, uint Version, string NextPeriod);

    public sealed record DeliveryRow(Guid Id, string Schedule, string PeriodKey, DateTimeOffset GeneratedAt, long Size, int Recipients);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([FromForm] string? name, [FromForm] string? frequency, [FromForm] string? period, [FromForm] string? language,
        [FromForm] List<string>? recipientIds, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            errors.Add(l["Distribution.NameRequired"]);
        }

        if (!Enum.TryParse<DistributionFrequency>(frequency, out var parsedFrequency) || !Enum.IsDefined(parsedFrequency)
            || !Enum.TryParse<DistributionPeriod>(period, out var parsedPeriod) || !Enum.IsDefined(parsedPeriod))
        {
            errors.Add(l["Distribution.ChooseFrequency"]);
            parsedFrequency = default;
            parsedPeriod = default;
        }

        if (!Languages.IsSupported(language))
        {
            errors.Add(l["Distribution.ChooseLanguage"]);
        }

        var ids = new List<Guid>();
        foreach (var text in recipientIds ?? [])
        {
            if (Guid.TryParse(text, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(l["Distribution.UnknownRecipient"]);
                break;
            }
        }

        ids = ids.Distinct().ToList();
        if (ids.Count > MaxRecipients)
        {
            errors.Add(l["Distribution.TooManyRecipients", MaxRecipients]);
        }
        else if (ids.Count > 0 && await db.Users.CountAsync(u => ids.Contains(u.Id) && u.IsActive, cancellationToken) != ids.Count)
        {
            errors.Add(l["Distribution.UnknownRecipient"]);
        }
        else if (ids.Count > 0 && await DistributeReports.EligibleRecipients(db).CountAsync(u => ids.Contains(u.Id), cancellationToken) != ids.Count)
        {
            errors.Add(l["Distribution.RecipientMustSeeAll"]);
        }

        if (errors.Count > 0)
        {
            Errors = errors.Distinct().ToList();
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.ReportSchedules.Add(new ReportSchedule
        {
            Id = Guid.NewGuid(),
            Name = name,
            Frequency = parsedFrequency,
            Period = parsedPeriod,
            Language = language!,
            RecipientIds = ids,
            IsActive = true,
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User) ?? Guid.Empty,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    /// <summary>Pauses or resumes a schedule (carrying its row version: a change made meanwhile is not overwritten).</summary>
    public async Task<IActionResult> OnPostToggleAsync([FromForm] Guid scheduleId, [FromForm] string? version, CancellationToken cancellationToken)
    {
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        db.Entry(schedule).Property(s => s.Version).OriginalValue = uint.TryParse(version, out var v) ? v : uint.MaxValue;
        schedule.IsActive = !schedule.IsActive;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Errors = [l["Common.ConcurrencyConflict"]];
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        // The picker offers only those who may receive the workbook; names of earlier recipients are still shown.
        var eligible = await DistributeReports.EligibleRecipients(db).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        Users = eligible.Select(u => (u.Id, $"{u.DisplayName} <{u.Email}>")).ToList();
        var schedules = await db.ReportSchedules.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var chosen = schedules.SelectMany(s => s.RecipientIds).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => chosen.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Schedules = schedules.Select(s => new ScheduleRow(
            s.Id, s.Name, s.Frequency, s.Period, s.Language,
            s.RecipientIds.Count == 0 ? l["Distribution.AllManagement"] : string.Join("、", s.RecipientIds.Select(id => names.GetValueOrDefault(id, "?"))),
            s.IsActive, s.Version, DistributeReports.DuePeriod(s.Frequency, s.Period, today, fiscalStart).Key)).ToList();
        var scheduleNames = schedules.ToDictionary(s => s.Id, s => s.Name);
        Deliveries = (await db.ReportDeliveries.AsNoTracking().OrderByDescending(d => d.GeneratedAt).Take(50)
                .Select(d => new { d.Id, d.ScheduleId, d.PeriodKey, d.GeneratedAt, d.Size, Recipients = d.RecipientIds.Count }).ToListAsync(cancellationToken))
            .Select(d => new DeliveryRow(d.Id, scheduleNames.GetValueOrDefault(d.ScheduleId, "?"), d.PeriodKey, d.GeneratedAt, d.Size, d.Recipients)).ToList();
    }
}
