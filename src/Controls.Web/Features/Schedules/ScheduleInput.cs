using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Schedules;

/// <summary>The schedule form's fields.</summary>
public sealed class ScheduleInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Schedules.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Schedules.Catalog")]
    public Guid CatalogId { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Schedules.Measures")]
    public string? MeasureCodes { get; set; }

    /// <summary>The simplified variant (簡易): only the small-business items; false is standard (標準).</summary>
    [Display(Name = "Schedules.Variant")]
    public bool Simplified { get; set; }

    [Display(Name = "Schedules.Targets")]
    public ScheduleTargets Targets { get; set; }

    [Display(Name = "Schedules.Division")]
    public Guid? DivisionId { get; set; }

    public List<Guid> DepartmentIds { get; set; } = [];

    [Display(Name = "Schedules.Recurrence")]
    public ScheduleRecurrence Recurrence { get; set; } = ScheduleRecurrence.Quarterly;

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Schedules.Cron")]
    public string? CronExpression { get; set; }

    [Range(1, 365, ErrorMessage = "Validation.Range")]
    [Display(Name = "Schedules.DueDays")]
    public int DueDays { get; set; } = 14;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Schedules.StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Schedules.EndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(64, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TimeZone")]
    public string TimeZone { get; set; } = "Asia/Tokyo";

    public List<string> ParsedMeasureCodes() =>
        (MeasureCodes ?? "").Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
}
