using System.ComponentModel.DataAnnotations;

namespace Controls.Web.Features.Notifications;

/// <summary>
/// When reminders and escalations go out (section <c>Reminders</c>). Days are the organisation's
/// calendar days; a step is due from the first run on or after its day.
/// </summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    public static readonly IReadOnlyList<int> DefaultDaysBefore = [7, 1];

    /// <summary>Days before the due date on which the assignees are reminded (default 7 and 1).</summary>
    /// <remarks>Null by default: the configuration binder appends to a non-empty default list.</remarks>
    public List<int>? DaysBefore { get; set; }

    public EscalationDelays EscalateAfterDays { get; set; } = new();

    /// <summary>Days after an improvement/corrective action's due date before its department's head is told (default 7).</summary>
    [Range(1, 365)]
    public int ActionEscalateAfterDays { get; set; } = 7;

    public IReadOnlyList<int> ReminderDays => DaysBefore is { Count: > 0 } days ? days.Distinct().Order().ToList() : DefaultDaysBefore;

    /// <summary>Days overdue before each escalation step.</summary>
    public sealed class EscalationDelays
    {
        /// <summary>The division's head (the parent department's head): default 3 days overdue.</summary>
        public int Division { get; set; } = 3;

        /// <summary>Every compliance officer: default 7 days overdue.</summary>
        public int ComplianceOfficer { get; set; } = 7;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDays.Any(d => d is < 0 or > 365))
        {
            yield return new ValidationResult("Reminders:DaysBefore must be between 0 and 365.", [nameof(DaysBefore)]);
        }

        if (EscalateAfterDays.Division is < 1 or > 365 || EscalateAfterDays.ComplianceOfficer is < 1 or > 365)
        {
            yield return new ValidationResult("Reminders:EscalateAfterDays values must be between 1 and 365.", [nameof(EscalateAfterDays)]);
        }
    }
}
