using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Controls.Web.Features.Contractors;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Reports;

/// <summary>
/// The figures behind the dashboard and the workbook's summary: the compliance heatmap (department ×
/// measure category, <see cref="ComplianceScore"/>) for a period and the one before, inspections
/// on time / late / overdue / not started, open and overdue corrective actions, contractors due for
/// review, and the trend over the last 12 periods. Everything is aggregated in the database, the
/// scores from the precomputed <see cref="Domain.InspectionScore"/> rows of handed-in inspections.
/// </summary>
public sealed class ComplianceReport(AppDbContext db, OrganisationClock clock)
{
    public const int TrendPeriods = 12;

    public sealed record DepartmentRow(Guid Id, string Code, string NameJa, string NameEn, Guid DivisionId, string DivisionCode, string DivisionJa, string DivisionEn);

    public sealed record Cell(ComplianceScore Now, ComplianceScore Before)
    {
        public double? Change => Now.ChangeSince(Before);
    }

    public sealed record InspectionCounts(int OnTime, int Late, int Overdue, int NotStarted, int InProgress);

    public sealed record ActionCounts(int Open, int Overdue);

    public sealed record ContractorDue(Guid Id, string Name, string DepartmentJa, string DepartmentEn, DateOnly? PrivacyMarkExpiresOn, DateOnly? IsmsExpiresOn, DateOnly? ContractEndsOn, bool CertificateDue, bool ContractEnding, bool NoSupervision);

    public sealed record TrendPoint(string Period, double? Score);

    /// <summary>
    /// Findings of one classification that were open at some time in the period; the open ones
    /// (today) by age since they were raised: under 30 days, 30–90, over 90.
    /// </summary>
    public sealed record FindingCounts(int Total, int Open, int Under30, int From30To90, int Over90);

    public sealed class Figures
    {
        public required ReportFilter Filter { get; init; }
        public required ReportPeriod Previous { get; init; }
        public required DateOnly Today { get; init; }
        public List<DepartmentRow> Departments { get; init; } = [];
        public Dictionary<(Guid Department, string Category), Cell> Cells { get; init; } = [];
        public Dictionary<Guid, ComplianceScore> DepartmentNow { get; init; } = [];
        public Dictionary<Guid, ComplianceScore> DepartmentBefore { get; init; } = [];
        public ComplianceScore Overall { get; set; }
        public ComplianceScore OverallBefore { get; set; }
        public Dictionary<Guid, InspectionCounts> Inspections { get; init; } = [];
        public Dictionary<Guid, ActionCounts> Actions { get; init; } = [];
        public List<ContractorDue> ContractorsDue { get; init; } = [];
        public List<TrendPoint> Trend { get; init; } = [];
        public Dictionary<FindingClass, FindingCounts> Findings { get; init; } = [];

        public FindingCounts FindingsOf(FindingClass classification) =>
            Findings.GetValueOrDefault(classification) ?? new FindingCounts(0, 0, 0, 0, 0);

        public FindingCounts FindingTotals => new(
            Findings.Values.Sum(c => c.Total), Findings.Values.Sum(c => c.Open), Findings.Values.Sum(c => c.Under30),
            Findings.Values.Sum(c => c.From30To90), Findings.Values.Sum(c => c.Over90));

        /// <summary>
        /// The heatmap's columns: the categories of the APPI measures always, so the table keeps its
        /// shape from period to period; the PMS requirements only when a self-inspection in scope
        /// answered some (they are usually audited, not self-inspected, and an empty column says nothing).
        /// </summary>
        public IReadOnlyList<string> Categories =>
            [.. MeasureCategory.All.Where(c => c != MeasureCategory.Pms || Cells.Any(k => k.Key.Category == c && (k.Value.Now.Counted > 0 || k.Value.Before.Counted > 0)))];

        public Cell CellOf(Guid department, string category) =>
            Cells.GetValueOrDefault((department, category)) ?? new Cell(ComplianceScore.Empty, ComplianceScore.Empty);

        public InspectionCounts InspectionTotals => new(
            Inspections.Values.Sum(c => c.OnTime), Inspections.Values.Sum(c => c.Late), Inspections.Values.Sum(c => c.Overdue),
            Inspections.Values.Sum(c => c.NotStarted), Inspections.Values.Sum(c => c.InProgress));

        public ActionCounts ActionTotals => new(Actions.Values.Sum(c => c.Open), Actions.Values.Sum(c => c.Overdue));
    }

    public async Task<Figures> RunAsync(ReportFilter filter, bool withTrend = true, CancellationToken cancellationToken = default)
    {
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var previous = filter.Period.Previous(fiscalStart);
        var figures = new Figures { Filter = filter, Previous = previous, Today = today };

        figures.Departments.AddRange(await filter.Departments(db).AsNoTracking()
            .Select(d => new DepartmentRow(
                d.Id, d.Code, d.NameJa, d.NameEn,
                d.Parent == null ? d.Id : d.Parent.Id, d.Parent == null ? d.Code : d.Parent.Code,
                d.Parent == null ? d.NameJa : d.Parent.NameJa, d.Parent == null ? d.NameEn : d.Parent.NameEn))
            .ToListAsync(cancellationToken));
        figures.Departments.Sort((a, b) => (a.DivisionCode, a.DivisionId == a.Id ? "" : a.Code).CompareTo((b.DivisionCode, b.DivisionId == b.Id ? "" : b.Code)));

        // The three scans of the scores (this period, the previous one, the 12-period trend) are the
        // dashboard's cost and independent of each other: each runs on its own connection at the same
        // time (one DbContext runs one query at a time). Measured in bench/ (Features/Reports/README.md).
        await using var previousDb = db.Another();
        await using var trendDb = db.Another();
        var nowScores = ScoresAsync(db, filter, filter.Period, cancellationToken);
        var previousScores = ScoresAsync(previousDb, filter, previous, cancellationToken);
        var trend = withTrend ? TrendAsync(trendDb, figures, fiscalStart, cancellationToken) : Task.CompletedTask;
        try
        {
            await Task.WhenAll(nowScores, previousScores);
            await FillAsync(figures, await nowScores, await previousScores, fiscalStart, cancellationToken);
        }
        finally
        {
            // The trend overlaps the smaller queries (measured faster than waiting for it first), but
            // its context is disposed when this method returns: let it finish, even after a failure.
            await trend;
        }

        return figures;
    }

    /// <summary>
    /// The dashboard's headline figures only (the overall score, inspections and actions; no heatmap
    /// rows, previous period or trend), by the same queries and definitions: the home page's.
    /// </summary>
    public async Task<Figures> HeadlineAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var figures = new Figures { Filter = filter, Previous = filter.Period.Previous(clock.Settings.FiscalYearStartMonth), Today = today };
        foreach (var score in (await ScoresAsync(db, filter, filter.Period, cancellationToken)).Values)
        {
            figures.Overall += score;
        }

        await CountInspectionsAsync(figures, cancellationToken);
        await CountActionsAsync(figures, cancellationToken);
        return figures;
    }

    private async Task FillAsync(
        Figures figures, Dictionary<(Guid Department, string Category), ComplianceScore> now,
        Dictionary<(Guid Department, string Category), ComplianceScore> before, int fiscalStart, CancellationToken cancellationToken)
    {
        foreach (var key in now.Keys.Union(before.Keys))
        {
            var cell = new Cell(now.GetValueOrDefault(key), before.GetValueOrDefault(key));
            figures.Cells[key] = cell;
            figures.DepartmentNow[key.Department] = figures.DepartmentNow.GetValueOrDefault(key.Department) + cell.Now;
            figures.DepartmentBefore[key.Department] = figures.DepartmentBefore.GetValueOrDefault(key.Department) + cell.Before;
            figures.Overall += cell.Now;
            figures.OverallBefore += cell.Before;
        }

        await CountInspectionsAsync(figures, cancellationToken);
        await CountActionsAsync(figures, cancellationToken);
        await FindContractorsDueAsync(figures, fiscalStart, cancellationToken);
        await CountFindingsAsync(figures, cancellationToken);
    }

    /// <summary>Points and counted answers per department × category, from handed-in inspections whose period starts in <paramref name="period"/>.</summary>
    private static async Task<Dictionary<(Guid Department, string Category), ComplianceScore>> ScoresAsync(
        AppDbContext db, ReportFilter filter, ReportPeriod period, CancellationToken cancellationToken)
    {
        var rows = await (
                from i in filter.InspectionsIn(db, period)
                where i.Status == InspectionStatus.Submitted || i.Status == InspectionStatus.Accepted
                join score in db.InspectionScores on i.Id equals score.InspectionId
                group score by new { i.DepartmentId, score.Category } into g
                select new { g.Key.DepartmentId, g.Key.Category, Points = g.Sum(s => s.Points), Counted = g.Sum(s => s.Counted) })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.DepartmentId, r.Category), r => new ComplianceScore(r.Points, r.Counted));
    }

    private async Task CountInspectionsAsync(Figures figures, CancellationToken cancellationToken)
    {
        var zone = clock.Zone;
        var rows = await figures.Filter.InspectionsIn(db, figures.Filter.Period).AsNoTracking()
            .Select(i => new { i.DepartmentId, i.Status, i.DueOn, i.SubmittedAt })
            .ToListAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.DepartmentId))
        {
            int onTime = 0, late = 0, overdue = 0, notStarted = 0, inProgress = 0;
            foreach (var r in group)
            {
                if (r.Status is InspectionStatus.Submitted or InspectionStatus.Accepted)
                {
                    var handedIn = r.SubmittedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : r.DueOn;
                    if (handedIn <= r.DueOn)
                    {
                        onTime++;
                    }
                    else
                    {
                        late++;
                    }
                }
                else if (figures.Today > r.DueOn)
                {
                    overdue++;
                }
                else if (r.Status == InspectionStatus.NotStarted)
                {
                    notStarted++;
                }
                else
                {
                    inProgress++;
                }
            }

            figures.Inspections[group.Key] = new InspectionCounts(onTime, late, overdue, notStarted, inProgress);
        }
    }

    private async Task CountActionsAsync(Figures figures, CancellationToken cancellationToken)
    {
        var today = figures.Today;
        var open = await figures.Filter.Actions(db).AsNoTracking().WhereOpen()
            .GroupBy(a => a.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var overdue = await figures.Filter.Actions(db).AsNoTracking().WhereOverdue(today)
            .GroupBy(a => a.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var (department, count) in open)
        {
            figures.Actions[department] = new ActionCounts(count, overdue.GetValueOrDefault(department));
        }
    }

    /// <summary>Findings by classification and, for the open ones, by age in days (organisation time zone).</summary>
    private async Task CountFindingsAsync(Figures figures, CancellationToken cancellationToken)
    {
        var (start, end) = Instants(figures.Filter.Period);
        var rows = await figures.Filter.FindingsIn(db, start, end).AsNoTracking()
            .Select(f => new { f.Classification, f.Status, f.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.Classification))
        {
            var ages = group.Where(r => r.Status == FindingStatus.Open).Select(r => AgeDays(r.CreatedAt, figures.Today)).ToList();
            figures.Findings[group.Key] = new FindingCounts(
                group.Count(), ages.Count, ages.Count(a => a < 30), ages.Count(a => a is >= 30 and <= 90), ages.Count(a => a > 90));
        }
    }

    /// <summary>Days from the day something was raised (organisation time zone) to <paramref name="today"/>.</summary>
    public int AgeDays(DateTimeOffset raisedAt, DateOnly today) =>
        today.DayNumber - DateOnly.FromDateTime(clock.ToLocal(raisedAt).DateTime).DayNumber;

    /// <summary>The period as instants: midnight of its first day to midnight after its last (organisation time zone).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(ReportPeriod period) =>
        (Schedules.Periods.Midnight(period.Start, clock.Zone).ToUniversalTime(), Schedules.Periods.Midnight(period.End.AddDays(1), clock.Zone).ToUniversalTime());

    /// <summary>
    /// Contractors due for review: a certificate (Privacy Mark, ISMS) or the contract ends within
    /// <see cref="Expiry.WarningDays"/> days (or already has), or no supervision inspection of it
    /// was accepted in the current fiscal year.
    /// </summary>
    private async Task FindContractorsDueAsync(Figures figures, int fiscalStart, CancellationToken cancellationToken)
    {
        var today = figures.Today;
        var soon = today.AddDays(Expiry.WarningDays);
        var year = ReportPeriod.CurrentFiscalYear(today, fiscalStart);
        var rows = await figures.Filter.Contractors(db).AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.OwningDepartment.NameJa,
                c.OwningDepartment.NameEn,
                c.PrivacyMarkExpiresOn,
                c.IsmsExpiresOn,
                c.ContractEndsOn,
                Supervised = db.Inspections.Any(i => i.ContractorId == c.Id && i.Status == InspectionStatus.Accepted && i.PeriodStart >= year.Start && i.PeriodStart <= year.End),
            })
            .Where(c => !c.Supervised || c.PrivacyMarkExpiresOn <= soon || c.IsmsExpiresOn <= soon || c.ContractEndsOn <= soon)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        figures.ContractorsDue.AddRange(rows.Select(c => new ContractorDue(
            c.Id, c.Name, c.NameJa, c.NameEn, c.PrivacyMarkExpiresOn, c.IsmsExpiresOn, c.ContractEndsOn,
            c.PrivacyMarkExpiresOn <= soon || c.IsmsExpiresOn <= soon, c.ContractEndsOn <= soon, !c.Supervised)));
    }

    /// <summary>The overall score of each of the last 12 periods of the chosen kind (oldest first).</summary>
    private static async Task TrendAsync(AppDbContext db, Figures figures, int fiscalStart, CancellationToken cancellationToken)
    {
        var periods = figures.Filter.Period.LastPeriods(TrendPeriods, fiscalStart);
        var first = periods[0].Start;
        var last = periods[^1].End;
        var rows = await (
                from i in figures.Filter.Inspections(db)
                where i.PeriodStart >= first && i.PeriodStart <= last
                where i.Status == InspectionStatus.Submitted || i.Status == InspectionStatus.Accepted
                join score in db.InspectionScores on i.Id equals score.InspectionId
                group score by i.PeriodStart into g
                select new { PeriodStart = g.Key, Points = g.Sum(s => s.Points), Counted = g.Sum(s => s.Counted) })
            .AsNoTracking().ToListAsync(cancellationToken);
        foreach (var period in periods)
        {
            var score = ComplianceScore.Empty;
            foreach (var row in rows.Where(r => r.PeriodStart >= period.Start && r.PeriodStart <= period.End))
            {
                score += new ComplianceScore(row.Points, row.Counted);
            }

            figures.Trend.Add(new TrendPoint(period.Key, ComplianceScore.Percent(score.Value)));
        }
    }
}
