namespace Controls.Web.Domain;

/// <summary>
/// An inspection's compliance points per measure category (see <see cref="ComplianceScore"/>):
/// the sum of points (yes 1, partial 0.5, no 0) and the number of answers that count (not
/// applicable and unanswered left out). Precomputed so that the dashboard adds up a few rows per
/// inspection instead of every answer; recomputed from the answers whenever an inspection is
/// submitted or reviewed (InspectionScores.RecomputeAsync), so a returned and resubmitted
/// inspection is scored on its new answers.
/// </summary>
public class InspectionScore
{
    public Guid InspectionId { get; set; }
    public string Category { get; set; } = "";
    public double Points { get; set; }
    public int Counted { get; set; }
}
