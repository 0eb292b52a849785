namespace Controls.Web.Features.Incidents;

/// <summary>
/// Japan's national holidays (国民の祝日) by the rules in force since 2020: fixed days, the "Happy
/// Monday" days, the equinox days by the usual astronomical approximation (valid to 2099; the
/// Cabinet Office announces each year's in February of the year before), the substitute holiday
/// (振替休日: the next non-holiday after a holiday on a Sunday) and the citizens' holiday (国民の休日:
/// a day between two holidays). One-off changes (e.g. the 2020–21 Olympic moves) are not known.
/// </summary>
public static class JapaneseHolidays
{
    public static bool IsHoliday(DateOnly day) => IsBaseHoliday(day) || IsCitizensHoliday(day) || IsSubstituteHoliday(day);

    /// <summary>Saturday, Sunday or a national holiday.</summary>
    public static bool IsNonWorkingDay(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsHoliday(day);

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public static DateOnly NextWorkingDay(DateOnly day)
    {
        while (IsNonWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static bool IsBaseHoliday(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, 1) or (2, 11) or (2, 23) or (4, 29) or (5, 3) or (5, 4) or (5, 5) or (8, 11) or (11, 3) or (11, 23) => true,
        (1, _) => IsNthMonday(day, 2),
        (3, _) => day.Day == VernalEquinox(day.Year),
        (7, _) => IsNthMonday(day, 3),
        (9, _) => IsNthMonday(day, 3) || day.Day == AutumnalEquinox(day.Year),
        (10, _) => IsNthMonday(day, 2),
        _ => false,
    };

    private static bool IsCitizensHoliday(DateOnly day) =>
        day.DayOfWeek != DayOfWeek.Sunday && !IsBaseHoliday(day) && IsBaseHoliday(day.AddDays(-1)) && IsBaseHoliday(day.AddDays(1));

    /// <summary>A day after an unbroken run of holidays that began on a Sunday.</summary>
    private static bool IsSubstituteHoliday(DateOnly day)
    {
        if (IsBaseHoliday(day))
        {
            return false;
        }

        var before = day.AddDays(-1);
        while (IsBaseHoliday(before))
        {
            if (before.DayOfWeek == DayOfWeek.Sunday)
            {
                return true;
            }

            before = before.AddDays(-1);
        }

        return false;
    }

    private static bool IsNthMonday(DateOnly day, int n) => day.DayOfWeek == DayOfWeek.Monday && (day.Day - 1) / 7 == n - 1;

    private static int VernalEquinox(int year) => (int)Math.Floor(20.8431 + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));

    private static int AutumnalEquinox(int year) => (int)Math.Floor(23.2488 + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));
}
