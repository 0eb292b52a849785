using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// Pause, resume and end a schedule (the steps and their rules are the schedule's own:
/// <see cref="InspectionSchedule.Pause"/>, <see cref="InspectionSchedule.Resume"/>,
/// <see cref="InspectionSchedule.End"/>). Resuming happens on today's date in the schedule's time zone.
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

    public Task<Outcome> PauseAsync(Guid id, uint version) => ChangeAsync(id, version, s => s.Pause());

    public Task<Outcome> EndAsync(Guid id, uint version) => ChangeAsync(id, version, s => s.End());

    public async Task<Outcome> ResumeAsync(Guid id, uint version)
    {
        var fiscalStartMonth = await db.OrganisationSettings.Select(s => s.FiscalYearStartMonth).FirstAsync();
        return await ChangeAsync(id, version, s =>
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Periods.Zone(s.TimeZone)).DateTime);
            return s.Resume(today, fiscalStartMonth);
        });
    }

    /// <summary>Takes the step on the schedule as the user saw it (<paramref name="version"/>); a refused step saves nothing.</summary>
    private async Task<Outcome> ChangeAsync(Guid id, uint version, Func<InspectionSchedule, string?> step)
    {
        var schedule = await db.InspectionSchedules.SingleOrDefaultAsync(s => s.Id == id);
        if (schedule is null)
        {
            return Outcome.NotFound;
        }

        db.Entry(schedule).Property(s => s.Version).OriginalValue = version;
        if (step(schedule) is not null)
        {
            return Outcome.NotAllowed;
        }

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
