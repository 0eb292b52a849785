using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Home;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features;

/// <summary>
/// Home: the person's work, one section per role they hold (<see cref="HomeWork"/>): what waits for
/// them, with counts and the most urgent rows, each linking to where the work is done. Any signed-in user.
/// </summary>
public class IndexModel(AppDbContext db, HomeWork work, OrganisationClock clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? DepartmentName { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public List<HomeWork.Section> Sections { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var language = Languages.Current;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, Department = u.Department == null ? null : language == "en" ? u.Department.NameEn : u.Department.NameJa })
            .SingleAsync(cancellationToken);
        DisplayName = me.DisplayName;
        DepartmentName = me.Department;
        Roles = Domain.Roles.All.Where(User.IsInRole).ToList();
        OrganisationName = language == "en" ? clock.Settings.NameEn : clock.Settings.NameJa;
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Sections = await work.ForAsync(User, cancellationToken);
    }
}
