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
}
