using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// The staff roster (従業者名簿) by department: who is in service (and, on request, who left).
/// Compliance officers and administrators see every department and keep it (RosterMember,
/// RosterImport); a department head reads their own department's only. Exported (CSV, Excel) as
/// filtered, in the import's columns.
/// </summary>
public class RosterModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The most rows the page shows; the export holds every one.</summary>
    public const int MaxShown = 5000;

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
        if (await FilteredAsync() is not { } query)
        {
            return NotFound();
        }

        var language = Languages.Current;
        Departments = await db.Departments.AsNoTracking()
            .Where(d => CanEdit || d.Id == Department)
            .OrderBy(d => d.Code)
            .Select(d => new SelectListItem(d.Code + " " + (language == "en" ? d.NameEn : d.NameJa), d.Id.ToString()))
            .ToListAsync();
        Departments.ForEach(d => d.Selected = d.Value == Department?.ToString());
        Rows = await query
            .Select(m => new Row(m.Id, m.EmployeeNumber, m.Name, m.Email ?? "", m.Department.Code + " " + (language == "en" ? m.Department.NameEn : m.Department.NameJa),
                m.JoinedOn, m.LeftOn, m.NormalizedEmail != null && db.Users.Any(u => u.NormalizedEmail == m.NormalizedEmail)))
            .Take(MaxShown)
            .ToListAsync();
        return Page();
    }

    /// <summary>
    /// CSV or Excel of every member the filters show, in the list's order: the import's six columns
    /// (employee number, name, e-mail address, department code, joined on, left on) under a single
    /// header row, so an edited file can be imported back (RosterImport).
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (await FilteredAsync(cancellationToken) is not { } query)
        {
            return NotFound();
        }

        XlsxColumn[] columns =
        [
            new(l["Roster.EmployeeNumber"], 12), new(l["Roster.Name"], 20), new(l["Roster.Email"], 30), new(l["Export.DepartmentCode"], 12),
            new(l["Roster.JoinedOn"], 12, XlsxKind.Date), new(l["Roster.LeftOn"], 12, XlsxKind.Date),
        ];
        var rows = query.Select(m => new { m.EmployeeNumber, m.Name, m.Email, m.Department.Code, m.JoinedOn, m.LeftOn }).AsAsyncEnumerable()
            .Select(m => new object?[] { m.EmployeeNumber, m.Name, m.Email, m.Code, m.JoinedOn, m.LeftOn });
        return await ListExport.WriteAsync(this, format, "staff-roster", l["Roster.Title"], columns, rows, clock, cancellationToken, titleRow: false);
    }

    /// <summary>
    /// The members this user may see, narrowed by the filters, in the list's order (the page and its
    /// export); null when a department head asks for another department than their own.
    /// </summary>
    private async Task<IQueryable<StaffMember>?> FilteredAsync(CancellationToken cancellationToken = default)
    {
        CanEdit = User.IsInRole(Roles.ComplianceOfficer) || User.IsInRole(Roles.Administrator);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (!CanEdit)
        {
            // A department head: their own department only.
            var own = DepartmentScope.DepartmentOf(User);
            if (own is null || (Department is { } asked && asked != own))
            {
                return null;
            }

            Department = own;
        }

        var today = Today;
        var query = db.StaffMembers.AsNoTracking().Where(m => Department == null || m.DepartmentId == Department);
        InService = await query.CountAsync(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today), cancellationToken);
        if (!Leavers)
        {
            query = query.Where(m => m.LeftOn == null || m.LeftOn >= today);
        }

        return query.OrderBy(m => m.Department.Code).ThenBy(m => m.EmployeeNumber);
    }
}
