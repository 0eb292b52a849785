using System.Globalization;
using System.Text.RegularExpressions;
using Controls.Web.Domain;

namespace Controls.Web.Features.Reports;

public enum PeriodKind
{
    FiscalYear,
    Quarter,
    Month,

    /// <summary>Any range of days (the workbook's --from/--to).</summary>
    Range,
}

/// <summary>
/// A reporting period, written in the URL as <c>FY2026</c> (the fiscal year that starts in 2026,
/// e.g. 2026-04-01 to 2027-03-31 when the fiscal year starts in April), <c>2026Q3</c> (the third
/// quarter of fiscal year 2026: 2026-10-01 to 2026-12-31 with an April start) or <c>2026-10</c> (a
/// calendar month). An inspection belongs to the period its own period starts in.
/// </summary>
public sealed partial record ReportPeriod(PeriodKind Kind, DateOnly Start, DateOnly End, string Key)
{
    public static ReportPeriod FiscalYear(int year, int startMonth)
    {
        var start = new DateOnly(year, startMonth, 1);
        return new(PeriodKind.FiscalYear, start, start.AddYears(1).AddDays(-1), $"FY{year}");
    }

    public static ReportPeriod Quarter(int fiscalYear, int quarter, int startMonth)
    {
        var start = new DateOnly(fiscalYear, startMonth, 1).AddMonths((quarter - 1) * 3);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), $"{fiscalYear}Q{quarter}");
    }

    public static ReportPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, start, start.AddMonths(1).AddDays(-1), start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    public static ReportPeriod Range(DateOnly from, DateOnly to) =>
        new(PeriodKind.Range, from, to, string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}_{to:yyyy-MM-dd}"));

    /// <summary>The fiscal year a day falls in (the calendar year in which that fiscal year starts).</summary>
    public static int FiscalYearOf(DateOnly day, int startMonth) => OrganisationSettings.FiscalYearOf(day, startMonth);

    public static ReportPeriod CurrentFiscalYear(DateOnly today, int startMonth) => FiscalYear(FiscalYearOf(today, startMonth), startMonth);

    public static bool TryParse(string? text, int startMonth, out ReportPeriod period)
    {
        period = null!;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        if (match.Groups["fy"].Success)
        {
            period = FiscalYear(year, startMonth);
        }
        else if (match.Groups["q"].Success)
        {
            period = Quarter(year, match.Groups["q"].Value[0] - '0', startMonth);
        }
        else
        {
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = Month(year, month);
        }

        return true;
    }

    /// <summary>The period of the same kind just before this one.</summary>
    public ReportPeriod Previous(int startMonth) => Kind switch
    {
        PeriodKind.FiscalYear => FiscalYear(Start.Year - 1, startMonth),
        PeriodKind.Quarter => Of(PeriodKind.Quarter, Start.AddMonths(-3), startMonth),
        PeriodKind.Range => Range(Start.AddDays(-(End.DayNumber - Start.DayNumber + 1)), Start.AddDays(-1)),
        _ => Month(Start.AddMonths(-1).Year, Start.AddMonths(-1).Month),
    };

    /// <summary>This period and the ones before it, oldest first.</summary>
    public IReadOnlyList<ReportPeriod> LastPeriods(int count, int startMonth)
    {
        var periods = new List<ReportPeriod> { this };
        while (periods.Count < count)
        {
            periods.Add(periods[^1].Previous(startMonth));
        }

        periods.Reverse();
        return periods;
    }

    private static ReportPeriod Of(PeriodKind kind, DateOnly start, int startMonth)
    {
        var fiscalYear = FiscalYearOf(start, startMonth);
        var monthsIn = ((start.Year - fiscalYear) * 12) + start.Month - startMonth;
        return kind == PeriodKind.Quarter ? Quarter(fiscalYear, (monthsIn / 3) + 1, startMonth) : Month(start.Year, start.Month);
    }

    [GeneratedRegex(@"^(?:(?<fy>FY)(?<year>\d{4})|(?<year>\d{4})Q(?<q>[1-4])|(?<year>\d{4})-(?<m>\d{2}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
