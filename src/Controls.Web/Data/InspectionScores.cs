using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Data;

/// <summary>
/// Keeps <see cref="Domain.InspectionScore"/> (points per inspection × measure category) in step
/// with the answers: recomputed in the caller's transaction when an inspection is submitted or
/// reviewed, and for every inspection after bulk seeding. The formula is <see cref="ComplianceScore"/>'s:
/// the SQL is written from it (<see cref="ComplianceScore.SqlPoints"/>), never by hand.
/// Only the items of the inspection's variant count: a simplified inspection scores its small-business items.
/// </summary>
public static class InspectionScores
{
    /// <summary>The points and the counted answers per inspection × category, written from <see cref="ComplianceScore"/>'s definition.</summary>
    private static readonly string Select = $"""
        SELECT a.inspection_id, m.category,
               SUM({ComplianceScore.SqlPoints("a.value")}),
               COUNT(*)
        FROM answers a
        JOIN check_items c ON c.id = a.check_item_id
        JOIN measures m ON m.id = c.measure_id
        JOIN inspections i ON i.id = a.inspection_id
        WHERE {ComplianceScore.SqlCounts("a.value")} AND (i.simplified = FALSE OR c.small_business = TRUE)
        """;

    private static readonly string RecomputeAllSql = "DELETE FROM inspection_scores;\nINSERT INTO inspection_scores (inspection_id, category, points, counted)\n" + Select + "\nGROUP BY a.inspection_id, m.category;";

    private static readonly string RecomputeOneSql = "INSERT INTO inspection_scores (inspection_id, category, points, counted)\n" + Select + " AND a.inspection_id = {0}\nGROUP BY a.inspection_id, m.category";

    public static async Task RecomputeAsync(AppDbContext db, Guid inspectionId, CancellationToken cancellationToken = default)
    {
        var id = db.ForSql(inspectionId);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM inspection_scores WHERE inspection_id = {id}", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(RecomputeOneSql, [id], cancellationToken);
    }

    public static Task RecomputeAllAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(RecomputeAllSql, cancellationToken);
}
