using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Reports.Distribution;

/// <summary>
/// A distributed workbook, for the users it was offered to and for compliance officers (who run the
/// distribution); anyone else gets 404, as if it did not exist.
/// </summary>
public class DownloadModel(AppDbContext db, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.ReportDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var me = InspectionAccess.UserId(User);
        if (delivery is null || !(User.IsInRole(Roles.ComplianceOfficer) || (me is { } user && delivery.RecipientIds.Contains(user))))
        {
            return NotFound();
        }

        var file = store.Open(delivery.StoragePath);
        return file is null
            ? NotFound()
            : File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", delivery.FileName);
    }
}
