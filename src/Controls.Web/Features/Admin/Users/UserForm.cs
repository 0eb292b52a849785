using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Admin.Users;

/// <summary>Choices shared by the user create and edit pages.</summary>
public static class UserForm
{
    public static async Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, Guid? current)
    {
        var language = Languages.Current;
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.RetiredAt == null || d.Id == current)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa })
            .ToListAsync();
        return departments.Select(d => new SelectListItem($"{d.Code} {d.Name}", d.Id.ToString())).ToList();
    }
}
