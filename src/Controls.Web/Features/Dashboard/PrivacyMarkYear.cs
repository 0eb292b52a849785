using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Ledger;
using Controls.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Dashboard;

/// <summary>
/// The PrivacyMark year at a glance (the dashboard's PMS sections, each loaded on its own): the
/// risk register's state, the latest management review and the year's comprehension tests. Each
/// figure is an aggregate query (no query per entry, output or person); each is scoped as its
/// register: the risk register as the ledger (LedgerAccess), the tests as the dashboard's departments.
/// </summary>
public sealed class PrivacyMarkYear(AppDbContext db, LedgerAccess ledger, TrainingComprehension comprehension)
{
    /// <summary>
    /// Ledger entries, those assessed (every stage filled in at least once), those due for
    /// re-assessment (never assessed, or last assessed more than a year ago: the register's "overdue"
    /// filter), and the residual risks of the high band still waiting for acceptance (register rows).
    /// </summary>
    public sealed record Risks(int Entries, int Assessed, int Due, int HighNotAccepted);

    public async Task<Risks> RisksAsync(ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken = default)
    {
        var entries = (await ledger.VisibleAsync(user, cancellationToken)).AsNoTracking();
        var counts = await entries
            .GroupBy(e => 1)
            .Select(g => new
            {
                Entries = g.Count(),
                Assessed = g.Count(e => e.RiskAssessment != null && e.RiskAssessment.AssessedOn != null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var due = await RiskRegister.Overdue(entries, today).CountAsync(cancellationToken);
        var high = await db.RiskAssessmentStages.AsNoTracking()
            .Where(s => entries.Any(e => e.Id == s.RiskAssessment.LedgerEntryId)
                && !s.NotApplicable && s.ResidualScore > RiskAssessment.MediumUpTo && s.AcceptedAt == null)
            .CountAsync(cancellationToken);
        return new Risks(counts?.Entries ?? 0, counts?.Assessed ?? 0, due, high);
    }

    /// <summary>The latest management review (by the day it was held) with its outputs still open and those overdue.</summary>
    public sealed record Review(Guid Id, DateOnly HeldOn, ManagementReviewKind Kind, int Outputs, int Open, int Overdue);

    public async Task<Review?> LatestReviewAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var latest = await db.ManagementReviews.AsNoTracking()
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.HeldOn, r.Kind, Outputs = r.Outputs.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var outputs = db.ManagementReviewOutputs.AsNoTracking().Where(o => o.ManagementReviewId == latest.Id);
        var open = await outputs.WhereOpen().CountAsync(cancellationToken);
        var overdue = await outputs.Where(o => o.CorrectiveAction != null).Select(o => o.CorrectiveAction!).WhereOverdue(today).CountAsync(cancellationToken);
        return new Review(latest.Id, latest.HeldOn, latest.Kind, latest.Outputs, open, overdue);
    }

    /// <summary>The comprehension tests of sessions held in <paramref name="year"/>: who passed and who still must, per test.</summary>
    public async Task<List<TrainingComprehension.Test>> ComprehensionAsync(IReadOnlySet<Guid>? departments, Reports.ReportPeriod year, DateOnly today,
        CancellationToken cancellationToken = default) =>
        TrainingComprehension.PerTest(await comprehension.ByDepartmentAsync(departments, year.Start, year.End, today, cancellationToken));
}
