using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Contractors;

/// <summary>Everything recorded about one contractor, and its supervision inspections. Another department's contractor is a 404 to a department head.</summary>
public class DetailsModel(AppDbContext db, ContractorAccess access, OrganisationClock clock) : PageModel
{
    public Contractor Contractor { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public bool DepartmentRetired { get; private set; }
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    public List<InspectionRow> Inspections { get; private set; } = [];

    public sealed record InspectionRow(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, InspectionStatus Status);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var contractor = await (await access.VisibleAsync(User)).AsNoTracking().Include(c => c.OwningDepartment).SingleOrDefaultAsync(c => c.Id == id);
        if (contractor is null)
        {
            return NotFound();
        }

        Contractor = contractor;
        Department = contractor.OwningDepartment.Code + " " + contractor.OwningDepartment.Name(Languages.Current);
        DepartmentRetired = contractor.OwningDepartment.IsRetired;
        CanEdit = ContractorAccess.CanEdit(User, contractor.OwningDepartmentId);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Inspections = await db.Inspections.AsNoTracking()
            .Where(i => i.ContractorId == id)
            .OrderByDescending(i => i.PeriodStart).ThenBy(i => i.Id)
            .Select(i => new InspectionRow(i.Id, i.PeriodStart, i.PeriodEnd, i.DueOn, i.Status))
            .ToListAsync();
        return Page();
    }
}
