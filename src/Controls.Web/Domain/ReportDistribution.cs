namespace Controls.Web.Domain;

public enum DistributionFrequency
{
    Monthly,
    Quarterly,
}

/// <summary>What a distributed workbook covers.</summary>
public enum DistributionPeriod
{
    /// <summary>The previous month (monthly) or fiscal quarter (quarterly).</summary>
    PreviousPeriod,

    /// <summary>From the start of the fiscal year to the end of the previous month or quarter.</summary>
    FiscalYearToDate,
}

/// <summary>
/// A scheduled distribution (定期配信) of the management-review workbook, set up by a compliance
/// officer: generated once per period when it is due and offered to its recipients for download.
/// </summary>
public class ReportSchedule
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DistributionFrequency Frequency { get; set; }
    public DistributionPeriod Period { get; set; }
    /// <summary>"ja" or "en": the workbook's language.</summary>
    public string Language { get; set; } = "ja";
    /// <summary>The chosen recipients; empty means every active user with the management role (at generation time).</summary>
    public List<Guid> RecipientIds { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// One generated workbook of a schedule for one period (unique: generated once), stored in the
/// evidence store, with the users it was offered to (only they, and compliance officers, download it).
/// </summary>
public class ReportDelivery
{
    public Guid Id { get; set; }
    public Guid ScheduleId { get; set; }
    public string PeriodKey { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string Language { get; set; } = "ja";
    public string FileName { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public List<Guid> RecipientIds { get; set; } = [];
    public DateTimeOffset GeneratedAt { get; set; }
}
