using Controls.Web.Data;
using Controls.Web.Domain;
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
        var id = db.ForSql(Guid.NewGuid());
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_programmes (id, fiscal_year, status, created_at) VALUES ({id}, {fiscalYear}, {nameof(AuditProgrammeStatus.Draft)}, {createdAt}) ON CONFLICT (fiscal_year) DO NOTHING",
            cancellationToken);
        return await db.AuditProgrammes.Where(p => p.FiscalYear == fiscalYear).Select(p => p.Id).SingleAsync(cancellationToken);
    }
}
