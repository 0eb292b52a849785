using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.AuditTrail;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>One audit programme per fiscal year, made when the year's first audit is planned.</summary>
public static class AuditProgrammes
{
    /// <summary>
    /// Inserts the year's programme if it is missing, never twice (the unique index on the fiscal
    /// year decides, also between app nodes), and returns its id.
    /// </summary>
    public static async Task<Guid> EnsureAsync(AppDbContext db, int fiscalYear, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var createdAt = db.ForSql(now);
        var newId = Guid.NewGuid();
        var id = db.ForSql(newId);
        // The insert bypasses SaveChanges: its trail entry is written in the same transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_programmes (id, fiscal_year, status, created_at) VALUES ({id}, {fiscalYear}, {nameof(AuditProgrammeStatus.Draft)}, {createdAt}) ON CONFLICT (fiscal_year) DO NOTHING",
            cancellationToken);
        if (inserted > 0)
        {
            await AuditTrailRecords.RecordAsync(db, nameof(AuditProgramme), newId.ToString(), AuditAction.Insert, new Dictionary<string, object?>
            {
                [nameof(AuditProgramme.FiscalYear)] = new { old = (object?)null, @new = fiscalYear },
                [nameof(AuditProgramme.Status)] = new { old = (object?)null, @new = nameof(AuditProgrammeStatus.Draft) },
                [nameof(AuditProgramme.CreatedAt)] = new { old = (object?)null, @new = now },
            }, cancellationToken);
        }

        var programmeId = await db.AuditProgrammes.Where(p => p.FiscalYear == fiscalYear).Select(p => p.Id).SingleAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return programmeId;
    }
}
