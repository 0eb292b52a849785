using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// Creates the inspections that are due at an instant: for every active schedule, every period
/// that has begun (catching up periods missed while the app was down) gets one inspection per
/// target, exactly once. The scheduler job and `scripts/controls inspections generate` both call it.
/// </summary>
public sealed class GenerateDueInspections(AppDbContext db, CurrentActor actor, TimeProvider time)
{
    public sealed record Result(int Created, int Existing);

    public async Task<Result> RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var fiscalStartMonth = await db.OrganisationSettings.Select(s => s.FiscalYearStartMonth).FirstOrDefaultAsync(cancellationToken);
        var schedules = await db.InspectionSchedules.Where(s => s.Status == ScheduleStatus.Active).Select(s => s.Id).ToListAsync(cancellationToken);
        var total = new Result(0, 0);
        foreach (var id in schedules)
        {
            var result = await GenerateAsync(id, asOf, fiscalStartMonth == 0 ? 4 : fiscalStartMonth, cancellationToken);
            total = new Result(total.Created + result.Created, total.Existing + result.Existing);
        }

        return total;
    }

    /// <summary>One schedule, in one transaction, holding the schedule's row so two nodes never generate it at once.</summary>
    public async Task<Result> GenerateAsync(Guid scheduleId, DateTimeOffset asOf, int fiscalStartMonth, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        // Joins the caller's transaction if there is one (the demo seed), else runs in its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var schedule = await LockAsync(scheduleId, cancellationToken);
        if (schedule is null || schedule.Status != ScheduleStatus.Active)
        {
            return new Result(0, 0);
        }

        var periods = Periods.Begun(schedule, schedule.GeneratedThrough ?? schedule.StartsOn, asOf, fiscalStartMonth).ToList();
        var version = await db.CatalogVersions.Where(v => v.CatalogId == schedule.CatalogId)
            .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (periods.Count == 0 || version is null)
        {
            return new Result(0, 0);
        }

        var targets = await TargetsAsync(schedule, cancellationToken);
        var now = time.GetUtcNow();
        int created = 0, existing = 0;
        foreach (var period in periods)
        {
            var done = (await db.Inspections.Where(i => i.ScheduleId == schedule.Id && i.PeriodStart == period.Start)
                .Select(i => i.TargetKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            existing += done.Count;
            if (schedule.GeneratedThrough is { } through && period.Start <= through)
            {
                // Generated in an earlier run (runs are all-or-nothing): targets that appeared since start next period.
                continue;
            }

            foreach (var target in targets.Where(t => !done.Contains(t.Key)))
            {
                db.Inspections.Add(NewInspection(schedule, version.Value, target, period, now));
                created++;
            }
        }

        schedule.GeneratedThrough = periods[^1].Start;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new Result(created, existing);
    }

    /// <summary>
    /// The schedule's current period (the latest that has begun and was already generated) and the
    /// targets that have no inspection in it: departments and contractors added after the period was
    /// generated. Null period: the schedule is not active or nothing was generated yet.
    /// </summary>
    public async Task<(Period? Period, List<Target> Missing)> MissingAsync(Guid scheduleId, DateTimeOffset asOf, int fiscalStartMonth, CancellationToken cancellationToken = default)
    {
        var schedule = await db.InspectionSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        return schedule is null ? (null, []) : await MissingAsync(schedule, asOf, fiscalStartMonth, cancellationToken);
    }

    private async Task<(Period? Period, List<Target> Missing)> MissingAsync(InspectionSchedule schedule, DateTimeOffset asOf, int fiscalStartMonth, CancellationToken cancellationToken)
    {
        if (schedule.Status != ScheduleStatus.Active || schedule.GeneratedThrough is not { } through)
        {
            return (null, []);
        }

        var period = Periods.Begun(schedule, schedule.StartsOn, asOf, fiscalStartMonth).LastOrDefault();
        if (period is null || period.Start > through)
        {
            // Not generated yet: the next run creates the period for every target.
            return (null, []);
        }

        var done = (await db.Inspections.Where(i => i.ScheduleId == schedule.Id && i.PeriodStart == period.Start)
            .Select(i => i.TargetKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return (period, (await TargetsAsync(schedule, cancellationToken)).Where(t => !done.Contains(t.Key)).ToList());
    }

    /// <summary>
    /// Creates the current period's inspection for targets that joined mid-period (all of them, or the
    /// one <paramref name="targetKey"/>), exactly as a scheduled run would have: holding the schedule's
    /// row, skipping any target that already has one, so clicking twice or racing the scheduler never
    /// makes two.
    /// </summary>
    public async Task<Result> AddMissingAsync(Guid scheduleId, DateTimeOffset asOf, int fiscalStartMonth, string? targetKey, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var schedule = await LockAsync(scheduleId, cancellationToken);
        if (schedule is null)
        {
            return new Result(0, 0);
        }

        var (period, missing) = await MissingAsync(schedule, asOf, fiscalStartMonth, cancellationToken);
        var version = await db.CatalogVersions.Where(v => v.CatalogId == schedule.CatalogId)
            .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var chosen = missing.Where(t => targetKey is null || t.Key == targetKey).ToList();
        if (period is null || version is null || chosen.Count == 0)
        {
            return new Result(0, 0);
        }

        var now = time.GetUtcNow();
        foreach (var target in chosen)
        {
            db.Inspections.Add(NewInspection(schedule, version.Value, target, period, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(chosen.Count, 0);
    }

    /// <summary>PostgreSQL: the schedule's row lock; SQLite: the transaction already holds the database's write lock.</summary>
    private Task<InspectionSchedule?> LockAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        db.IsSqlite
            ? db.InspectionSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken)
            : db.InspectionSchedules
                .FromSql($"SELECT *, xmin FROM inspection_schedules WHERE id = {scheduleId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);

    /// <summary>One target's inspection of one period, as the schedule says (catalog version, measures, variant, due date).</summary>
    private Inspection NewInspection(InspectionSchedule schedule, Guid versionId, Target target, Period period, DateTimeOffset now)
    {
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            ScheduleId = schedule.Id,
            CatalogVersionId = versionId,
            MeasureCodes = [.. schedule.MeasureCodes],
            Simplified = schedule.Simplified,
            DepartmentId = target.DepartmentId,
            ContractorId = target.ContractorId,
            TargetKey = target.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            DueOn = period.Start.AddDays(schedule.DueDays),
            Status = InspectionStatus.NotStarted,
            CreatedAt = now,
        };
        inspection.Events.Add(new InspectionEvent { Kind = InspectionEventKind.Generated, At = now, Actor = actor.Name, UserId = actor.UserId });
        return inspection;
    }

    public sealed record Target(string Key, Guid DepartmentId, Guid? ContractorId);

    /// <summary>
    /// Who gets the schedule's inspections now. Departments: the active departments that have no
    /// active sub-departments (divisions answer through their departments); retired ones never.
    /// Contractors: the active ones, answered by their owning department.
    /// </summary>
    public async Task<List<Target>> TargetsAsync(InspectionSchedule schedule, CancellationToken cancellationToken = default)
    {
        if (schedule.Targets == ScheduleTargets.Contractors)
        {
            return await db.Contractors
                .Where(c => c.Status == ContractorStatus.Active && c.OwningDepartment.RetiredAt == null)
                .OrderBy(c => c.Name)
                .Select(c => new Target("contractor:" + c.Id, c.OwningDepartmentId, c.Id))
                .ToListAsync(cancellationToken);
        }

        var active = await db.Departments.Where(d => d.RetiredAt == null).Select(d => new { d.Id, d.ParentId, d.Code }).ToListAsync(cancellationToken);
        var byId = active.ToDictionary(d => d.Id);
        var parents = active.Where(d => d.ParentId != null).Select(d => d.ParentId!.Value).ToHashSet();
        var leaves = active.Where(d => !parents.Contains(d.Id)).ToList();
        var chosen = schedule.Targets switch
        {
            ScheduleTargets.Departments => active.Where(d => schedule.DepartmentIds.Contains(d.Id)).ToList(),
            ScheduleTargets.Division when schedule.DivisionId is { } division => leaves.Where(d => IsUnder(d.Id, division)).ToList(),
            ScheduleTargets.Division => [],
            _ => leaves,
        };
        return chosen.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new Target(Inspection.DepartmentTarget(d.Id), d.Id, null)).ToList();

        bool IsUnder(Guid id, Guid ancestor)
        {
            for (Guid? cursor = id; cursor is { } c && byId.TryGetValue(c, out var node); cursor = node.ParentId)
            {
                if (c == ancestor)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
