using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Admin.Users;

/// <summary>Choices shared by the user create and edit pages.</summary>
public static class UserForm
{
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, Guid? current) => DepartmentTree.ChoicesAsync(db, current);
}
