using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Statement;

/// <summary>A measure of the current catalogs with the organisation's choices and the evidence behind it.</summary>
public sealed record DraftMeasure(
    string CatalogKey, string Code, string Category, int SortOrder, string TitleJa, string TitleEn,
    string DefaultJa, string DefaultEn, string WordingJa, string WordingEn, bool Withheld, string WithheldReason)
{
    public string TextJa => string.IsNullOrWhiteSpace(WordingJa) ? DefaultJa : WordingJa;
    public string TextEn => string.IsNullOrWhiteSpace(WordingEn) ? DefaultEn : WordingEn;
    public bool Edited => !string.IsNullOrWhiteSpace(WordingJa) || !string.IsNullOrWhiteSpace(WordingEn);

    public string Title(string language) => language == "en" ? TitleEn : TitleJa;

    public StatementMeasureText ToText() => new(CatalogKey, Code, Category, SortOrder, TextJa, TextEn, Withheld);
}

/// <summary>
/// The honesty check of one measure: of the departments (and contractors) whose latest accepted
/// inspection covering it answered at least one of its items (not "not applicable"), how many
/// answered every applicable item "yes", which answered "partial" at most, and which answered "no";
/// and the open audit findings against it.
/// </summary>
public sealed record MeasureEvidence(string CatalogKey, string Code, int Counted, int AllYes, IReadOnlyList<Target> AnsweredNo, int Partial,
    int OpenFindings, IReadOnlyList<Target> FindingTargets)
{
    public double? Share => Counted == 0 ? null : (double)AllYes / Counted;
    public bool Contradicted => AnsweredNo.Count > 0 || OpenFindings > 0;
}

/// <summary>A department, or a contractor (with its owning department), named in both languages.</summary>
public sealed record Target(string NameJa, string NameEn)
{
    public string Name(string language) => language == "en" ? NameEn : NameJa;
}

/// <summary>A warning of the honesty check, in both languages.</summary>
public sealed record StatementWarning(string CatalogKey, string Code, string Ja, string En)
{
    public string Text(string language) => language == "en" ? En : Ja;
}

/// <summary>The statement as it would be published now.</summary>
public sealed record Draft(
    IReadOnlyList<DraftMeasure> Measures, IReadOnlyList<StatementCountry> Countries, StatementDocument Ja, StatementDocument En,
    IReadOnlyDictionary<(string, string), MeasureEvidence> Evidence, IReadOnlyList<StatementWarning> Warnings)
{
    public StatementDocument Document(string language) => language == "en" ? En : Ja;

    public MeasureEvidence? EvidenceOf(DraftMeasure measure) => Evidence.GetValueOrDefault((measure.CatalogKey, measure.Code));

    /// <summary>What the approver saw: publishing refuses when the text or the warnings changed since.</summary>
    public string Fingerprint => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        Ja.ToPlainText() + "\u0000" + En.ToPlainText() + "\u0000" + string.Join("\n", Warnings.Select(w => w.En)))));
}

/// <summary>
/// Builds the statement from the real state of the programme: the latest version of every catalog,
/// the organisation's wording and withheld measures, the foreign countries of the ledger and the
/// contractor register with their notes, and the honesty check against the latest accepted
/// inspections and the open audit findings.
/// </summary>
public sealed class StatementDraft(AppDbContext db, StatementLabels labels, Infrastructure.Time.OrganisationClock clock)
{
    public async Task<Draft> BuildAsync(CancellationToken cancellationToken = default)
    {
        var measures = await MeasuresAsync(cancellationToken);
        var countries = await CountriesAsync(cancellationToken);
        var practices = await PracticesAsync(cancellationToken);
        var texts = measures.Select(m => m.ToText()).ToList();
        var ja = StatementAssembler.Assemble("ja", texts, countries, labels.For("ja"), practices);
        var en = StatementAssembler.Assemble("en", texts, countries, labels.For("en"), practices);
        var evidence = await EvidenceAsync(measures, cancellationToken);
        var warnings = new List<StatementWarning>();
        // Only what the text claims is checked: not withheld measures, nor a sentence about foreign countries when none is recorded.
        var claimed = measures.Where(m => !m.Withheld
            && (countries.Count > 0 || !(m.TextJa.Contains(StatementAssembler.Placeholder("ja"), StringComparison.Ordinal)
                || m.TextEn.Contains(StatementAssembler.Placeholder("en"), StringComparison.Ordinal))));
        foreach (var measure in claimed)
        {
            if (!evidence.TryGetValue((measure.CatalogKey, measure.Code), out var e))
            {
                continue;
            }

            if (e.AnsweredNo.Count > 0)
            {
                warnings.Add(Warning(measure, "Statement.Warning.AnsweredNo", e.AnsweredNo));
            }

            if (e.OpenFindings > 0)
            {
                warnings.Add(Warning(measure, "Statement.Warning.OpenFindings", e.FindingTargets, e.OpenFindings));
            }
        }

        return new Draft(measures, countries, ja, en, evidence, warnings);
    }

    /// <summary>
    /// The practices the records support today: a ledger entry's risk assessment completed within the
    /// last year, and a training with a comprehension test held within the last year that someone passed.
    /// </summary>
    public async Task<StatementPractices> PracticesAsync(CancellationToken cancellationToken = default)
    {
        var yearAgo = DateOnly.FromDateTime(clock.Now.DateTime).AddYears(-1);
        var assessed = await db.RiskAssessments.AnyAsync(r => r.AssessedOn >= yearAgo, cancellationToken);
        var tested = await db.TrainingTestResults.AnyAsync(r => r.Passed && db.TrainingSessions.Any(s => s.Id == r.SessionId && s.HeldOn >= yearAgo), cancellationToken);
        return new StatementPractices(assessed, tested);
    }

    private StatementWarning Warning(DraftMeasure measure, string key, IReadOnlyList<Target> targets, int count = 0) => new(
        measure.CatalogKey, measure.Code,
        labels.Get("ja", key, measure.TitleJa, measure.Code, string.Join("、", targets.Select(t => t.NameJa)), count),
        labels.Get("en", key, measure.TitleEn, measure.Code, string.Join(", ", targets.Select(t => t.NameEn)), count));

    /// <summary>The measures of the latest version of every catalog, with the organisation's choices.</summary>
    public async Task<List<DraftMeasure>> MeasuresAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.CatalogVersions.AsNoTracking()
            .GroupBy(v => v.CatalogId)
            .Select(g => g.OrderByDescending(v => v.Number).Select(v => v.Id).First())
            .ToListAsync(cancellationToken);
        var rows = await db.Measures.AsNoTracking()
            // A management-system requirement (JIS Q 15001) is audited, not published: only the
            // security control measures make the statement of Art. 32(1).
            .Where(m => latest.Contains(m.CatalogVersionId) && m.Category != MeasureCategory.Pms)
            .Select(m => new { CatalogKey = m.CatalogVersion.Catalog.Key, m.Code, m.Category, m.SortOrder, m.TitleJa, m.TitleEn, m.StatementJa, m.StatementEn })
            .ToListAsync(cancellationToken);
        var choices = await db.StatementMeasures.AsNoTracking().ToDictionaryAsync(s => (s.CatalogKey, s.MeasureCode), cancellationToken);
        return rows
            .OrderBy(m => Order(m.Category)).ThenBy(m => m.CatalogKey, StringComparer.Ordinal).ThenBy(m => m.SortOrder)
            .Select(m =>
            {
                var choice = choices.GetValueOrDefault((m.CatalogKey, m.Code));
                return new DraftMeasure(m.CatalogKey, m.Code, m.Category, m.SortOrder, m.TitleJa, m.TitleEn, m.StatementJa, m.StatementEn,
                    choice?.WordingJa ?? "", choice?.WordingEn ?? "", choice?.Withheld ?? false, choice?.WithheldReason ?? "");
            })
            .ToList();
    }

    public static int Order(string category)
    {
        var index = StatementAssembler.CategoryOrder.ToList().IndexOf(category);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>
    /// The foreign countries (every country but Japan) of the ledger entries and of the contractors
    /// not terminated, in the order of the country list, with their notes.
    /// </summary>
    public async Task<List<StatementCountry>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        var codes = (await db.LedgerEntries.AsNoTracking().Select(e => e.Countries).ToListAsync(cancellationToken))
            .Concat(await db.Contractors.AsNoTracking().Where(c => c.Status != ContractorStatus.Terminated).Select(c => c.Countries).ToListAsync(cancellationToken))
            .SelectMany(c => c)
            .Where(c => c != "JP")
            .ToHashSet(StringComparer.Ordinal);
        var notes = await db.StatementCountryNotes.AsNoTracking().ToDictionaryAsync(n => n.CountryCode, cancellationToken);
        var known = Countries.All.Where(c => codes.Contains(c.Code)).ToList();
        var unknown = codes.Where(c => !Countries.IsKnown(c)).Order(StringComparer.Ordinal).Select(c => new Countries.Country(c, c, c));
        return known.Concat(unknown)
            .Select(c => new StatementCountry(c.Code, c.Ja, c.En, notes.GetValueOrDefault(c.Code)?.NoteJa ?? "", notes.GetValueOrDefault(c.Code)?.NoteEn ?? ""))
            .ToList();
    }

    private async Task<Dictionary<(string, string), MeasureEvidence>> EvidenceAsync(List<DraftMeasure> measures, CancellationToken cancellationToken)
    {
        // Accepted inspections of departments still in use (and of contractors not terminated).
        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => i.Status == InspectionStatus.Accepted && i.Department.RetiredAt == null
                && (i.ContractorId == null || i.Contractor!.Status != ContractorStatus.Terminated))
            .Select(i => new
            {
                i.Id,
                i.TargetKey,
                i.DepartmentId,
                i.ContractorId,
                CatalogKey = i.CatalogVersion.Catalog.Key,
                i.CatalogVersionId,
                i.MeasureCodes,
                i.Simplified,
                i.PeriodEnd,
                i.ReviewedAt,
            })
            .ToListAsync(cancellationToken);

        // The measures (of the inspected catalog versions) that have items in the simplified variant: a
        // simplified inspection covers only these; the measures it leaves out keep the evidence of the
        // target's latest standard inspection, or have none.
        var simplifiedVersions = inspections.Where(i => i.Simplified).Select(i => i.CatalogVersionId).Distinct().ToList();
        var inSimplified = (await db.Measures.AsNoTracking()
                .Where(m => simplifiedVersions.Contains(m.CatalogVersionId) && m.Items.Any(c => c.SmallBusiness))
                .Select(m => new { m.CatalogVersionId, m.Code })
                .ToListAsync(cancellationToken))
            .Select(m => (m.CatalogVersionId, m.Code)).ToHashSet();

        // Per measure and target: the latest accepted inspection that covers the measure.
        var latest = new Dictionary<(string, string), List<(Guid Inspection, Guid Department, Guid? Contractor)>>();
        foreach (var measure in measures)
        {
            latest[(measure.CatalogKey, measure.Code)] = inspections
                .Where(i => i.CatalogKey == measure.CatalogKey && (i.MeasureCodes.Count == 0 || i.MeasureCodes.Contains(measure.Code))
                    && (!i.Simplified || inSimplified.Contains((i.CatalogVersionId, measure.Code))))
                .GroupBy(i => i.TargetKey)
                .Select(g => g.OrderByDescending(i => i.PeriodEnd).ThenByDescending(i => i.ReviewedAt).ThenBy(i => i.Id).First())
                .Select(i => (i.Id, i.DepartmentId, i.ContractorId))
                .ToList();
        }

        var ids = latest.Values.SelectMany(v => v).Select(v => v.Inspection).Distinct().ToList();
        var answers = await db.Answers.AsNoTracking()
            .Where(a => ids.Contains(a.InspectionId) && a.Value != null && (!a.Inspection.Simplified || a.CheckItem.SmallBusiness))
            .GroupBy(a => new { a.InspectionId, a.CheckItem.Measure.Code, a.Value })
            .Select(g => new { g.Key.InspectionId, g.Key.Code, g.Key.Value })
            .ToListAsync(cancellationToken);
        var valuesOf = answers.ToLookup(a => (a.InspectionId, a.Code), a => a.Value!.Value);

        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.Status == FindingStatus.Open)
            .Select(f => new { CatalogKey = f.Audit.CatalogVersion.Catalog.Key, f.MeasureCode, f.DepartmentId })
            .ToListAsync(cancellationToken);

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => new Target(d.NameJa, d.NameEn), cancellationToken);
        var contractors = await db.Contractors.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        Target Name(Guid department, Guid? contractor)
        {
            var d = departments.GetValueOrDefault(department) ?? new Target("?", "?");
            return contractor is { } c && contractors.TryGetValue(c, out var name)
                ? new Target($"{name}({d.NameJa})", $"{name} ({d.NameEn})")
                : d;
        }

        var result = new Dictionary<(string, string), MeasureEvidence>();
        foreach (var measure in measures)
        {
            int counted = 0, allYes = 0, partial = 0;
            var no = new List<Target>();
            foreach (var (inspection, department, contractor) in latest[(measure.CatalogKey, measure.Code)])
            {
                var values = valuesOf[(inspection, measure.Code)].Where(v => v != AnswerValue.NotApplicable).ToList();
                if (values.Count == 0)
                {
                    continue;
                }

                counted++;
                if (values.Contains(AnswerValue.No))
                {
                    no.Add(Name(department, contractor));
                }
                else if (values.Contains(AnswerValue.Partial))
                {
                    partial++;
                }
                else
                {
                    allYes++;
                }
            }

            var open = findings.Where(f => f.CatalogKey == measure.CatalogKey && f.MeasureCode == measure.Code).ToList();
            result[(measure.CatalogKey, measure.Code)] = new MeasureEvidence(measure.CatalogKey, measure.Code, counted, allYes,
                no.OrderBy(t => t.NameJa, StringComparer.Ordinal).ToList(), partial, open.Count,
                open.Select(f => f.DepartmentId).Distinct().Select(d => Name(d, null)).OrderBy(t => t.NameJa, StringComparer.Ordinal).ToList());
        }

        return result;
    }
}
