using System.Diagnostics.CodeAnalysis;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// A schedule's cron expression as users write it (Quartz syntax: seconds first, day of week 1–7
/// with Sunday = 1, <c>?</c>, <c>L</c>, <c>#</c>); each fire time starts a period.
/// </summary>
public sealed class ScheduleCron
{
    private readonly string expression;

    private ScheduleCron(string expression) => this.expression = expression;

    public static bool TryParse(string? expression, [NotNullWhen(true)] out ScheduleCron? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(expression) || !Quartz.CronExpression.TryParse(expression, out _))
        {
            return false;
        }

        cron = new ScheduleCron(expression.Trim());
        return true;
    }

    /// <summary>The first fire time strictly after <paramref name="instant"/>, in <paramref name="zone"/>'s wall clock; null if none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant, TimeZoneInfo zone) =>
        new Quartz.CronExpression(expression, zone).GetNextValidTimeAfter(instant);
}
