using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cronos;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// A schedule's cron expression as users write it and as it is stored: Quartz syntax (seconds
/// first, day of week 1–7 with Sunday = 1, <c>?</c>, <c>L</c>, <c>#</c>), evaluated with Cronos,
/// which numbers the days of the week 0–6 from Sunday. The translation lives here and only here:
/// the day of week is renumbered, <c>L</c> alone (Saturday) spelled out, steps and ranges across
/// the week's end expanded to lists; when both the day of month and the day of week are given,
/// Quartz fires on either, so two Cronos expressions are evaluated and the earlier fire wins.
/// What Cronos cannot evaluate (a year field other than <c>*</c>) is refused.
/// </summary>
public sealed class ScheduleCron
{
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly CronExpression[] expressions;

    private ScheduleCron(CronExpression[] expressions) => this.expressions = expressions;

    public static bool TryParse(string? expression, [NotNullWhen(true)] out ScheduleCron? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var fields = expression.Trim().ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 7 && fields[6] == "*")
        {
            fields = fields[..6];   // Quartz's optional year field, saying every year
        }

        if (fields.Length != 6 || fields.Take(5).Where((_, i) => i != 3).Any(f => f.Contains('?')) || !TryDayOfWeek(fields[5], out var dayOfWeek))
        {
            return false;
        }

        var time = string.Join(' ', fields[..3]);
        var dayOfMonth = fields[3] == "?" ? "*" : fields[3];
        var month = fields[4];
        string[] translated = dayOfMonth == "*" || dayOfWeek == "*"
            ? [$"{time} {dayOfMonth} {month} {dayOfWeek}"]
            : [$"{time} {dayOfMonth} {month} *", $"{time} * {month} {dayOfWeek}"];

        var parsed = new CronExpression[translated.Length];
        for (var i = 0; i < translated.Length; i++)
        {
            if (!CronExpression.TryParse(translated[i], CronFormat.IncludeSeconds, out var one))
            {
                return false;
            }

            parsed[i] = one;
        }

        cron = new ScheduleCron(parsed);
        return true;
    }

    /// <summary>The first fire time strictly after <paramref name="instant"/>, on <paramref name="zone"/>'s wall clock; null if none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant, TimeZoneInfo zone) =>
        expressions.Select(e => e.GetNextOccurrence(instant, zone)).Min();

    /// <summary>Quartz's day-of-week field (1–7, Sunday = 1) in Cronos's numbering (0–6, Sunday = 0).</summary>
    private static bool TryDayOfWeek(string field, out string cronos)
    {
        cronos = "*";
        if (field is "?" or "*")
        {
            return true;
        }

        if (field == "L")
        {
            cronos = "6";   // L alone is the week's last day: Saturday
            return true;
        }

        if (field.EndsWith('L'))
        {
            // 6L: the last Friday of the month
            if (!TryDay(field[..^1], out var last))
            {
                return false;
            }

            cronos = $"{last - 1}L";
            return true;
        }

        if (field.Split('#') is [var day, var nth])
        {
            // 2#1: the first Monday of the month
            if (!TryDay(day, out var weekday) || !int.TryParse(nth, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 5)
            {
                return false;
            }

            cronos = $"{weekday - 1}#{n}";
            return true;
        }

        // Values, ranges (also across the week's end: FRI-MON) and steps (counted from Sunday = 1), as a list of days.
        var days = new SortedSet<int>();
        foreach (var item in field.Split(','))
        {
            var parts = item.Split('/');
            var step = 1;
            if (parts.Length > 2 || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)))
            {
                return false;
            }

            int first, last;
            if (parts[0] == "*")
            {
                (first, last) = (1, 7);
            }
            else if (parts[0].Split('-') is [var from, var to])
            {
                if (!TryDay(from, out first) || !TryDay(to, out last))
                {
                    return false;
                }

                last += last < first ? 7 : 0;
            }
            else if (TryDay(parts[0], out first))
            {
                last = parts.Length == 2 ? 7 : first;
            }
            else
            {
                return false;
            }

            for (var d = first; d <= last; d += step)
            {
                days.Add((d - 1) % 7);
            }
        }

        cronos = string.Join(',', days);
        return true;
    }

    /// <summary>A Quartz day of week: 1–7 (Sunday = 1) or SUN–SAT.</summary>
    private static bool TryDay(string text, out int day)
    {
        var name = Array.IndexOf(DayNames, text);
        day = name >= 0 ? name + 1 : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        return day is >= 1 and <= 7;
    }
}
