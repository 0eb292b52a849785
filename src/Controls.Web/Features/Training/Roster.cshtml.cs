using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// The staff roster (従業者名簿) by department: who is in service (and, on request, who left).
/// Compliance officers and administrators see every department and keep it (RosterMember,
/// RosterImport); a department head reads their own department's only.
/// </summary>
public class RosterModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Leavers { get; set; }

    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int InService { get; private set; }

    public sealed record Row(Guid Id, string EmployeeNumber, string Name, string Email, string Department, DateOnly JoinedOn, DateOnly? LeftOn, bool HasAccount);

    public async Task<IActionResult> OnGetAsync()
    {
        var language = Languages.Current;
        CanEdit = User.IsInRole(Roles.ComplianceOfficer) || User.IsInRole(Roles.Administrator);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (!CanEdit)
        {
            // A department head: their own department only.
            var own = InspectionAccess.DepartmentOf(User);
            if (own is null || (Department is { } asked && asked != own))
            {
                return NotFound();
            }

            Department = own;
        }

        Departments = await db.Departments.AsNoTracking()
            .Where(d => CanEdit || d.Id == Department)
            .OrderBy(d => d.Code)
            .Select(d => new SelectListItem(d.Code + " " + (language == "en" ? d.NameEn : d.NameJa), d.Id.ToString()))
            .ToListAsync();
        Departments.ForEach(d => d.Selected = d.Value == Department?.ToString());
        var today = Today;
        var query = db.StaffMembers.AsNoTracking().Where(m => Department == null || m.DepartmentId == Department);
        InService = await query.CountAsync(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today));
        if (!Leavers)
        {
            query = query.Where(m => m.LeftOn == null || m.LeftOn >= today);
        }

        Rows = await query.OrderBy(m => m.Department.Code).ThenBy(m => m.EmployeeNumber)
            .Select(m => new Row(m.Id, m.EmployeeNumber, m.Name, m.Email ?? "", m.Department.Code + " " + (language == "en" ? m.Department.NameEn : m.Department.NameJa),
                m.JoinedOn, m.LeftOn, m.NormalizedEmail != null && db.Users.Any(u => u.NormalizedEmail == m.NormalizedEmail)))
            .Take(5000)
            .ToListAsync();
        return Page();
    }
}
