using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// Pause, resume and end a schedule. Periods that begin while a schedule is paused are skipped:
/// on resume, generation continues from the period that contains the resume date.
/// </summary>
public sealed class ScheduleLifecycle(AppDbContext db, TimeProvider time)
{
    public enum Outcome
    {
        Done,
        NotFound,
        Conflict,
        NotAllowed,
    }

    public Task<Outcome> PauseAsync(Guid id, uint version) =>
        ChangeAsync(id, version, s => s.Status == ScheduleStatus.Active, s => s.Status = ScheduleStatus.Paused);

    public Task<Outcome> EndAsync(Guid id, uint version) =>
        ChangeAsync(id, version, s => s.Status != ScheduleStatus.Ended, s => s.Status = ScheduleStatus.Ended);

    public async Task<Outcome> ResumeAsync(Guid id, uint version)
    {
        var fiscalStartMonth = await db.OrganisationSettings.Select(s => s.FiscalYearStartMonth).FirstAsync();
        return await ChangeAsync(id, version, s => s.Status == ScheduleStatus.Paused, s =>
        {
            var zone = Periods.Zone(s.TimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
            // Everything before the current period counts as done: the current period is generated, the paused ones are not.
            var current = s.Recurrence == ScheduleRecurrence.Cron ? today : Periods.Containing(s.Recurrence, today, fiscalStartMonth).Start;
            var skipThrough = current.AddDays(-1);
            if (s.GeneratedThrough is null || s.GeneratedThrough < skipThrough)
            {
                s.GeneratedThrough = skipThrough;
            }

            s.Status = ScheduleStatus.Active;
        });
    }

    private async Task<Outcome> ChangeAsync(Guid id, uint version, Func<InspectionSchedule, bool> allowed, Action<InspectionSchedule> change)
    {
        var schedule = await db.InspectionSchedules.SingleOrDefaultAsync(s => s.Id == id);
        if (schedule is null)
        {
            return Outcome.NotFound;
        }

        if (!allowed(schedule))
        {
            return Outcome.NotAllowed;
        }

        db.Entry(schedule).Property(s => s.Version).OriginalValue = version;
        change(schedule);
        try
        {
            await db.SaveChangesAsync();
            return Outcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
    }
}
