using System.Globalization;
using System.Linq.Expressions;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The risk register's query and rows, written once for the register page (/Ledger/Risks), its
/// CSV/Excel export and the management-review workbook's risk sheet: ledger entries × life-cycle
/// stages (an entry not yet assessed shows its stages blank), narrowed by stage, residual risk level
/// and acceptance pending (the entries themselves are narrowed by the caller: scope, department,
/// overdue re-assessment).
/// </summary>
public sealed class RiskRegister(RiskMeasures catalog, OrganisationClock clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The stage filters (null / false: every stage).</summary>
    public sealed record Filter(LifeCycleStage? Stage = null, RiskLevel? Level = null, bool PendingOnly = false)
    {
        /// <summary>With a level or "pending" filter only the matching stages are rows (and only entries having one).</summary>
        public bool OnlyMatching => Level is not null || PendingOnly;
    }

    /// <summary>One row of the register: an entry's stage (the stage fields null when not yet assessed).</summary>
    public sealed record Row(Guid EntryId, string Reference, string Name, string Department, LifeCycleStage Stage, RiskAssessmentStage? Saved, DateOnly? AssessedOn)
    {
        public DateOnly? NextAssessment => RiskAssessment.NextAssessmentOn(AssessedOn);
    }

    public sealed class EntryRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Code { get; init; } = "";
        public string NameJa { get; init; } = "";
        public string NameEn { get; init; } = "";
        public DateOnly? AssessedOn { get; init; }
        public List<RiskAssessmentStage>? Stages { get; init; }
    }

    /// <summary>Entries due for re-assessment: never assessed, or last assessed more than a year before <paramref name="today"/>.</summary>
    public static IQueryable<LedgerEntry> Overdue(IQueryable<LedgerEntry> entries, DateOnly today)
    {
        var yearAgo = today.AddYears(-1);
        return entries.Where(e => e.RiskAssessment == null || e.RiskAssessment.AssessedOn == null || e.RiskAssessment.AssessedOn < yearAgo);
    }

    /// <summary>The entries with their matching stages, in the register's order (department code, name).</summary>
    public static IQueryable<EntryRow> Query(IQueryable<LedgerEntry> entries, Filter filter)
    {
        var stage = filter.Stage;
        int? low = null, high = null;
        if (filter.Level is { } level)
        {
            (low, high) = level switch
            {
                RiskLevel.Low => (1, RiskAssessment.LowUpTo),
                RiskLevel.Medium => (RiskAssessment.LowUpTo + 1, RiskAssessment.MediumUpTo),
                _ => (RiskAssessment.MediumUpTo + 1, RiskAssessment.MaxRating * RiskAssessment.MaxRating),
            };
        }

        var pending = filter.PendingOnly;
        var acceptable = RiskAssessment.AcceptableScore;
        Expression<Func<RiskAssessmentStage, bool>> matches = s =>
            (stage == null || s.Stage == stage)
            && (low == null || (!s.NotApplicable && s.ResidualScore >= low && s.ResidualScore <= high))
            && (!pending || (!s.NotApplicable && s.ResidualScore > acceptable && s.AcceptedAt == null));
        if (filter.OnlyMatching)
        {
            entries = entries.Where(e => e.RiskAssessment != null && e.RiskAssessment.Stages.AsQueryable().Any(matches));
        }

        return entries.OrderBy(e => e.Department.Code).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new EntryRow
            {
                Id = e.Id,
                Name = e.Name,
                Code = e.Department.Code,
                NameJa = e.Department.NameJa,
                NameEn = e.Department.NameEn,
                AssessedOn = e.RiskAssessment == null ? null : e.RiskAssessment.AssessedOn,
                Stages = e.RiskAssessment == null ? null : e.RiskAssessment.Stages.AsQueryable().Where(matches).ToList(),
            });
    }

    /// <summary>An entry's rows: every stage (blank where not assessed), or only the stages matching the filter.</summary>
    public static IEnumerable<Row> Expand(EntryRow e, Filter filter, string language)
    {
        var department = e.Code + " " + (language == Languages.English ? e.NameEn : e.NameJa);
        var reference = LedgerEntry.ReferenceOf(e.Id);
        var stages = e.Stages ?? [];
        foreach (var stage in Enum.GetValues<LifeCycleStage>())
        {
            if (filter.Stage is { } wanted && wanted != stage)
            {
                continue;
            }

            var saved = stages.SingleOrDefault(s => s.Stage == stage);
            if (filter.OnlyMatching && saved is null)
            {
                continue;
            }

            yield return new Row(e.Id, reference, e.Name, department, stage, saved, e.AssessedOn);
        }
    }

    /// <summary>The export's columns (CSV, Excel and the workbook's sheet), in the current UI language.</summary>
    public IReadOnlyList<XlsxColumn> Columns() =>
    [
        new(l["Risk.Column.Reference"], 12), new(l["Risk.Column.Name"], 28), new(l["Risk.Column.Department"], 20), new(l["Risk.Column.Stage"], 16),
        new(l["Risk.Field.Risk"], 36), new(l["Risk.Field.Likelihood"], 10), new(l["Risk.Field.Impact"], 10), new(l["Risk.Score"], 10),
        new(l["Risk.Field.Measures"], 40), new(l["Risk.ResidualScore"], 12), new(l["Risk.Column.Acceptance"], 24), new(l["Risk.NextAssessment"], 14, XlsxKind.Date),
    ];

    /// <summary>The export's rows, streamed from the query: one per entry × stage.</summary>
    public async IAsyncEnumerable<object?[]> ExportRowsAsync(IQueryable<EntryRow> query, Filter filter, string language,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var measures = await catalog.AllAsync(cancellationToken);
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var r in Expand(entry, filter, language))
            {
                var s = r.Saved;
                var notApplicable = s?.NotApplicable == true;
                var links = (s?.MeasureIds ?? []).Where(measures.ContainsKey).Select(id => measures[id].Label(language));
                yield return
                [
                    r.Reference, r.Name, r.Department, l["Risk.Stage." + r.Stage].Value,
                    notApplicable ? Join(l["Risk.Field.NotApplicable"].Value, s!.Risk) : s?.Risk,
                    s?.Likelihood, s?.Impact, s?.Score,
                    string.Join("\n", new[] { s?.Measures ?? "" }.Concat(links).Where(t => t.Length > 0)),
                    s?.ResidualScore,
                    s?.AcceptedAt is { } at ? $"{s.AcceptedBy} {clock.ToLocal(at).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}" : s?.NeedsAcceptance == true ? l["Risk.State.AcceptancePending"].Value : "",
                    r.NextAssessment,
                ];
            }
        }
    }

    private static string Join(string a, string b) => b.Length > 0 ? $"{a}: {b}" : a;
}
