using System.Globalization;

namespace Controls.Web.Domain;

/// <summary>
/// The compliance score (遵守率) of a set of answers: the share of check items answered "yes",
/// partial answers counting half and "not applicable" left out.
/// <code>
/// score = (yes × 1 + partial × 0.5 + no × 0) / (yes + partial + no)
/// </code>
/// Unanswered items and "not applicable" answers do not count at all; when nothing counts the
/// score is null (shown as "–", never as 0 %). The same formula is used per inspection and per
/// department × measure category (the dashboard's heatmap, summing the answers of every
/// inspection in the cell). In the heatmap and the trend only inspections that were handed in
/// (submitted or accepted) count: open and returned ones are still being answered. Only the items
/// of the inspection's variant count: a simplified (簡易) inspection scores its small-business items
/// alone (InspectionScores, the workbook and the statement filter the answers alike).
/// This is the formula's one definition: the points of an answer are <see cref="PointsOf"/>'s; the
/// SQL that keeps <see cref="InspectionScore"/> (<see cref="SqlPoints"/>, <see cref="SqlCounts"/>) is
/// written from it, and the workbook's query counts the answers by value for <see cref="FromCounts"/>.
/// See docs/scoring.md.
/// </summary>
public readonly record struct ComplianceScore(double Points, int Counted)
{
    public static readonly ComplianceScore Empty = new(0, 0);

    /// <summary>The statuses whose answers count in the heatmap and the trend.</summary>
    public static readonly InspectionStatus[] CountedStatuses = [InspectionStatus.Submitted, InspectionStatus.Accepted];

    /// <summary>The score from 0 to 1, or null when no answer counts.</summary>
    public double? Value => Counted == 0 ? null : Points / Counted;

    /// <summary>The points one answer earns (null: it does not count).</summary>
    public static double? PointsOf(AnswerValue? value) => value switch
    {
        AnswerValue.Yes => 1,
        AnswerValue.Partial => 0.5,
        AnswerValue.No => 0,
        _ => null,
    };

    /// <summary>The answers that count (those <see cref="PointsOf"/> gives points), in the enum's order.</summary>
    public static IReadOnlyList<AnswerValue> CountedValues { get; } = [.. Enum.GetValues<AnswerValue>().Where(v => PointsOf(v) is not null)];

    /// <summary>The score of so many yes, partial and no answers (the rest do not count).</summary>
    public static ComplianceScore FromCounts(int yes, int partial, int no) =>
        new(yes * PointsOf(AnswerValue.Yes)!.Value + partial * PointsOf(AnswerValue.Partial)!.Value + no * PointsOf(AnswerValue.No)!.Value, yes + partial + no);

    /// <summary>
    /// The points of one answer in SQL, for <paramref name="column"/> holding the value's name (as
    /// answers.value does): <c>CASE a.value WHEN 'Yes' THEN 1.0 …</c>, written from <see cref="PointsOf"/>.
    /// Null for an answer that does not count: sum it over the rows of <see cref="SqlCounts"/>.
    /// </summary>
    public static string SqlPoints(string column) =>
        $"CASE {column}{string.Concat(CountedValues.Select(v => $" WHEN '{v}' THEN {PointsOf(v)!.Value.ToString("0.0##", CultureInfo.InvariantCulture)}"))} END";

    /// <summary>The SQL condition that <paramref name="column"/> holds an answer that counts: <c>a.value IN ('Yes', 'Partial', 'No')</c>.</summary>
    public static string SqlCounts(string column) =>
        $"{column} IN ({string.Join(", ", CountedValues.Select(v => $"'{v}'"))})";

    public static ComplianceScore Of(IEnumerable<AnswerValue?> values)
    {
        var score = Empty;
        foreach (var value in values)
        {
            score = score.Add(value);
        }

        return score;
    }

    public ComplianceScore Add(AnswerValue? value) =>
        PointsOf(value) is { } points ? new ComplianceScore(Points + points, Counted + 1) : this;

    public static ComplianceScore operator +(ComplianceScore a, ComplianceScore b) => new(a.Points + b.Points, a.Counted + b.Counted);

    /// <summary>
    /// A score (0 to 1) as a percentage with one decimal, halves rounded away from zero
    /// (0.8125 → 81.3), computed in decimal so that binary noise cannot move a half. Every page and
    /// export shows this figure (docs/scoring.md).
    /// </summary>
    public static double? Percent(double? value) =>
        value is { } v ? (double)Math.Round((decimal)v * 100m, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Change in percentage points against an earlier score (null when either is empty): the
    /// difference of the two percentages as shown, so the figures on a page add up.
    /// </summary>
    public double? ChangeSince(ComplianceScore earlier) =>
        Percent(Value) is { } now && Percent(earlier.Value) is { } before ? (double)((decimal)now - (decimal)before) : null;

    /// <summary>The CSS class (site.css) of the colour band: 90 % and over, 75 %, 50 %, below, none.</summary>
    public static string Band(double? value) => value switch
    {
        null => "score-none",
        >= 0.9 => "score-high",
        >= 0.75 => "score-good",
        >= 0.5 => "score-fair",
        _ => "score-low",
    };
}
