using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Admin.Users;

/// <summary>All users, filtered by name/e-mail, department, role and status. Administrators only.</summary>
public class IndexModel(AppDbContext db, TimeProvider time, Controls.Web.Infrastructure.Time.OrganisationClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "active";

    public List<SelectListItem> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string DisplayName, string Email, string? Department, bool IsActive, bool LockedOut, bool TwoFactor, List<string> Roles);

    /// <summary>CSV or Excel of the users the current filters show.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        await OnGetAsync();
        var rows = Rows.Select(u => new object?[]
        {
            u.DisplayName, u.Email, u.Department, string.Join(", ", u.Roles.Select(r => l["Role." + r].Value)), u.IsActive, u.LockedOut, u.TwoFactor,
        }).ToAsyncEnumerable();
        List<Controls.Web.Infrastructure.Excel.XlsxColumn> columns =
        [
            new(l["Export.Name"], 20), new(l["Export.Email"], 30), new(l["Workbook.Department"], 22), new(l["Export.Roles"], 30),
            new(l["Export.Active"], 8), new(l["Export.LockedOut"], 8), new(l["Export.TwoFactor"], 8),
        ];
        return await Infrastructure.Excel.ListExport.WriteAsync(this, format, "users", l["Nav.Users"], columns, rows, clock, cancellationToken);
    }

    public async Task OnGetAsync()
    {
        Departments = await UserForm.DepartmentChoices(db, DepartmentId);
        var language = Languages.Current;
        var now = time.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLowerInvariant();
            query = query.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        if (DepartmentId is { } departmentId)
        {
            query = query.Where(u => u.DepartmentId == departmentId);
        }

        if (!string.IsNullOrEmpty(Role))
        {
            var holders = Recipients.InRole(db, Role);
            query = query.Where(u => holders.Any(h => h.Id == u.Id));
        }

        query = Status switch
        {
            "inactive" => query.Where(u => !u.IsActive),
            "all" => query,
            _ => query.Where(u => u.IsActive),
        };

        var users = await query.OrderBy(u => u.Email).Take(1000)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.LockoutEnd,
                u.TwoFactorEnabled,
                Department = u.Department == null ? null : u.Department.Code + " " + (language == "en" ? u.Department.NameEn : u.Department.NameJa),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Department, u.IsActive, u.LockoutEnd > now, u.TwoFactorEnabled, u.Roles)).ToList();
    }
}
