namespace Controls.Web.Domain;

public enum ScheduleTargets
{
    /// <summary>Every active department at each period.</summary>
    AllDepartments,
    /// <summary>The active departments under one division (and the division itself if it has no sub-departments).</summary>
    Division,
    /// <summary>Chosen departments.</summary>
    Departments,
    /// <summary>Every active contractor; answered by the owning department.</summary>
    Contractors,
}

public enum ScheduleRecurrence
{
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
    Cron,
}

public enum ScheduleStatus
{
    Active,
    Paused,
    Ended,
}

/// <summary>
/// An inspection schedule (点検計画): a catalog (or chosen measures of it) × targets × recurrence ×
/// due-date rule × start/end. Each period it creates one inspection per target, exactly once.
/// </summary>
public class InspectionSchedule
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid CatalogId { get; set; }
    public Catalog Catalog { get; set; } = null!;
    /// <summary>Measure codes to include; empty means the whole catalog.</summary>
    public List<string> MeasureCodes { get; set; } = [];
    /// <summary>
    /// The simplified variant (簡易) for small businesses (中小規模事業者): only the check items flagged
    /// <see cref="CheckItem.SmallBusiness"/> are asked and scored. False is the standard variant (標準).
    /// </summary>
    public bool Simplified { get; set; }
    public ScheduleTargets Targets { get; set; }
    public Guid? DivisionId { get; set; }
    public List<Guid> DepartmentIds { get; set; } = [];
    public ScheduleRecurrence Recurrence { get; set; }
    /// <summary>Cron expression in Quartz syntax (Features/Schedules/ScheduleCron evaluates it), when <see cref="Recurrence"/> is Cron: each fire starts a period.</summary>
    public string? CronExpression { get; set; }
    /// <summary>The due date is this many days after the period starts.</summary>
    public int DueDays { get; set; } = 14;
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The time zone the periods are cut in (the organisation's by default).</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";
    public ScheduleStatus Status { get; set; }
    /// <summary>Periods starting before this were already generated (a paused schedule's skipped periods stay skipped).</summary>
    public DateOnly? GeneratedThrough { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>The message key of every refused step: the page offers only the steps the status allows.</summary>
    public const string StepNotAllowed = "Schedules.NotAllowed";

    /// <summary>Pauses an active schedule: no inspections are generated until it is resumed. Returns the message key of the refusal, or null when done.</summary>
    public string? Pause()
    {
        if (Status != ScheduleStatus.Active)
        {
            return StepNotAllowed;
        }

        Status = ScheduleStatus.Paused;
        return null;
    }

    /// <summary>Ends the schedule for good (from active or paused). Returns the message key of the refusal, or null when done.</summary>
    public string? End()
    {
        if (Status == ScheduleStatus.Ended)
        {
            return StepNotAllowed;
        }

        Status = ScheduleStatus.Ended;
        return null;
    }

    /// <summary>
    /// Resumes a paused schedule on <paramref name="today"/> (a day in its time zone). Periods that
    /// began while it was paused stay skipped: everything before the period that contains today (for
    /// a cron schedule, before today) counts as generated, so the current period is generated and the
    /// paused ones are not; a <see cref="GeneratedThrough"/> already later is kept. Returns the message
    /// key of the refusal, or null when done.
    /// </summary>
    public string? Resume(DateOnly today, int fiscalYearStartMonth)
    {
        if (Status != ScheduleStatus.Paused)
        {
            return StepNotAllowed;
        }

        var current = Recurrence == ScheduleRecurrence.Cron ? today : PeriodContaining(Recurrence, today, fiscalYearStartMonth).Start;
        var skipThrough = current.AddDays(-1);
        if (GeneratedThrough is null || GeneratedThrough < skipThrough)
        {
            GeneratedThrough = skipThrough;
        }

        Status = ScheduleStatus.Active;
        return null;
    }

    /// <summary>
    /// The period of a calendar recurrence that contains <paramref name="day"/> (first and last day,
    /// inclusive). Months are calendar months; quarters, halves and years follow the fiscal year that
    /// starts in <paramref name="fiscalStartMonth"/>. A cron schedule's periods come from its expression.
    /// </summary>
    public static (DateOnly Start, DateOnly End) PeriodContaining(ScheduleRecurrence recurrence, DateOnly day, int fiscalStartMonth)
    {
        var months = recurrence switch
        {
            ScheduleRecurrence.Monthly => 1,
            ScheduleRecurrence.Quarterly => 3,
            ScheduleRecurrence.Semiannual => 6,
            ScheduleRecurrence.Annual => 12,
            _ => throw new ArgumentOutOfRangeException(nameof(recurrence), "cron periods come from their expression"),
        };

        // Months since the start of the fiscal year that contains the day, rounded down to the period length.
        var offset = ((day.Month - fiscalStartMonth) % 12 + 12) % 12;
        var periodOffset = offset / months * months;
        var start = new DateOnly(day.Year, day.Month, 1).AddMonths(periodOffset - offset);
        return (start, start.AddMonths(months).AddDays(-1));
    }
}
