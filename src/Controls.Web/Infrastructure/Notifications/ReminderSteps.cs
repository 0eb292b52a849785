namespace Controls.Web.Infrastructure.Notifications;

/// <summary>The steps of a reminder of a due date, by the organisation's calendar days.</summary>
public static class ReminderSteps
{
    /// <summary>
    /// The latest step that has come due, <paramref name="daysLeft"/> days before the due date:
    /// <c>overdue</c> once it has passed, <c>due-0</c> on the day, <c>due-{daysBefore}</c> within the
    /// window before it; null earlier. Each step goes once per recipient (it is part of the dedup key).
    /// </summary>
    public static string? DueStep(int daysLeft, int daysBefore) => daysLeft switch
    {
        < 0 => "overdue",
        0 => "due-0",
        _ when daysLeft <= daysBefore => $"due-{daysBefore}",
        _ => null,
    };
}
