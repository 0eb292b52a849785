using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features;

/// <summary>Home: who I am, my department and roles, where to go next. Any signed-in user.</summary>
public class IndexModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? DepartmentName { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var language = Languages.Current;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, Department = u.Department == null ? null : language == "en" ? u.Department.NameEn : u.Department.NameJa })
            .SingleAsync();
        DisplayName = me.DisplayName;
        DepartmentName = me.Department;
        Roles = Domain.Roles.All.Where(User.IsInRole).ToList();
        OrganisationName = language == "en" ? clock.Settings.NameEn : clock.Settings.NameJa;
    }
}
