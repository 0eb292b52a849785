using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>The measures (with their check items) of an audit's pinned catalog version that are in its scope.</summary>
public static class AuditContent
{
    public static async Task<List<Measure>> MeasuresAsync(AppDbContext db, Audit audit, CancellationToken cancellationToken)
    {
        var codes = audit.MeasureCodes;
        return await db.Measures.AsNoTracking().Include(m => m.Items.OrderBy(i => i.SortOrder))
            .Where(m => m.CatalogVersionId == audit.CatalogVersionId && (codes.Count == 0 || codes.Contains(m.Code)))
            .OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
    }
}
