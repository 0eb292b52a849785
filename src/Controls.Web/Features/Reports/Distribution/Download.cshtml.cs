using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Reports.Distribution;

/// <summary>
/// A distributed workbook, for the users it was offered to and for compliance officers (who run the
/// distribution); anyone else gets 404, as if it did not exist. The workbook covers every department,
/// so the recipient's role is checked again now (in the database, not the sign-in cookie): a recipient
/// who no longer sees every department (<see cref="DistributeReports.EligibleRecipients"/>) gets 403.
/// </summary>
public class DownloadModel(AppDbContext db, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.ReportDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var me = DepartmentScope.UserId(User);
        if (delivery is null || !(User.IsInRole(Roles.ComplianceOfficer) || (me is { } user && delivery.RecipientIds.Contains(user))))
        {
            return NotFound();
        }

        if (me is not { } current || !await DistributeReports.EligibleRecipients(db).AnyAsync(u => u.Id == current, cancellationToken))
        {
            return Forbid();
        }

        var file = store.Open(delivery.StoragePath);
        return file is null
            ? NotFound()
            : File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", delivery.FileName);
    }
}
