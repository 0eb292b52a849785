using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>
/// The inputs of a management review assembled from the state for its period (JIS Q 15001 9.3):
/// the self-inspections' score and timeliness, the internal audits and their findings, corrective
/// actions, incidents, and the previous review's outputs with how far they have been carried out.
/// The same figures as the dashboard and the workbook (ComplianceReport), so the three agree.
/// </summary>
public sealed class ReviewInputs(AppDbContext db, ComplianceReport report, OrganisationClock clock)
{
    public sealed record Figures(
        ReportPeriod Period,
        double? Score,
        ComplianceReport.InspectionCounts Inspections,
        int AuditsClosed,
        int AuditsOpen,
        ComplianceReport.FindingCounts Findings,
        IReadOnlyList<(FindingClass Classification, int Total, int Open)> FindingsByClass,
        ComplianceReport.ActionCounts Actions,
        int Incidents,
        int IncidentsReported,
        PreviousReview? Previous);

    public sealed record PreviousReview(Guid Id, DateOnly HeldOn, IReadOnlyList<OutputRow> Outputs)
    {
        public int Open => Outputs.Count(o => o.IsOpen);
    }

    public sealed record OutputRow(
        Guid Id, int Number, ManagementReviewOutputKind Kind, string Text, Guid? ActionId, string? Owner, DateOnly? DueOn,
        CorrectiveActionStatus? Status)
    {
        public bool IsOpen => ManagementReviewOutput.IsOpen(Kind, Status);
        public bool IsOverdue(DateOnly today) => Status is { } status && DueOn is { } due && CorrectiveAction.IsOverdue(status, due, today);
    }

    /// <summary>What the outputs table shows: the rows, today (for overdue) and the table's test id.</summary>
    public sealed record OutputTable(IReadOnlyList<OutputRow> Rows, DateOnly Today, string TestId);

    public async Task<Figures> AssembleAsync(ManagementReview review, CancellationToken cancellationToken = default)
    {
        var period = PeriodOf(review, clock.Settings.FiscalYearStartMonth);
        var figures = await report.RunAsync(new ReportFilter(period), withTrend: false, cancellationToken);
        var audits = await db.Audits.AsNoTracking()
            .Where(a => a.WindowEnd >= period.Start && a.WindowStart <= period.End && a.Status != AuditStatus.Cancelled)
            .GroupBy(a => a.Status == AuditStatus.Closed)
            .Select(g => new { Closed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var (from, to) = Instants(period, clock.Zone);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.AwareAt >= from && i.AwareAt < to)
            .Select(i => i.PreliminaryReportedOn != null)
            .ToListAsync(cancellationToken);
        var previous = await ManagementReview.Before(db.ManagementReviews.AsNoTracking(), review)
            .Select(r => new { r.Id, r.HeldOn }).FirstOrDefaultAsync(cancellationToken);
        return new Figures(
            period,
            figures.Overall.Value,
            figures.InspectionTotals,
            audits.Where(a => a.Closed).Sum(a => a.Count),
            audits.Where(a => !a.Closed).Sum(a => a.Count),
            figures.FindingTotals,
            Enum.GetValues<FindingClass>().Select(c => (c, figures.FindingsOf(c).Total, figures.FindingsOf(c).Open)).ToList(),
            figures.ActionTotals,
            incidents.Count,
            incidents.Count(reported => reported),
            previous is null ? null : new PreviousReview(previous.Id, previous.HeldOn, await OutputsAsync(previous.Id, cancellationToken)));
    }

    /// <summary>The review's period: a fiscal year when it is exactly one (its workbook then compares with the year before), else the dates as given.</summary>
    public static ReportPeriod PeriodOf(ManagementReview review, int fiscalYearStartMonth)
    {
        var year = ReportPeriod.FiscalYear(ReportPeriod.FiscalYearOf(review.PeriodStart, fiscalYearStartMonth), fiscalYearStartMonth);
        return year.Start == review.PeriodStart && year.End == review.PeriodEnd ? year : ReportPeriod.Range(review.PeriodStart, review.PeriodEnd);
    }

    /// <summary>A review's outputs in order, each with its action's owner, due date and status.</summary>
    public Task<List<OutputRow>> OutputsAsync(Guid reviewId, CancellationToken cancellationToken = default) =>
        db.ManagementReviewOutputs.AsNoTracking()
            .Where(o => o.ManagementReviewId == reviewId)
            .OrderBy(o => o.Number)
            .Select(o => new OutputRow(
                o.Id, o.Number, o.Kind, o.Text, o.CorrectiveActionId,
                o.CorrectiveAction == null ? null : o.CorrectiveAction.Owner.DisplayName,
                o.CorrectiveAction == null ? null : o.CorrectiveAction.DueOn,
                o.CorrectiveAction == null ? null : o.CorrectiveAction.Status))
            .ToListAsync(cancellationToken);

    /// <summary>The period's first instant and the instant after its last day, in the organisation's zone (incidents count by when the organisation became aware).</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Instants(ReportPeriod period, TimeZoneInfo zone) =>
        (new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(period.Start.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero),
         new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero));
}
