using Controls.Web.Data;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Departments;

/// <summary>The checks shared by creating and editing a department; problems go to the page's ModelState.</summary>
public static class DepartmentRules
{
    public static async Task CheckAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, DepartmentInput input, Guid? self, List<DepartmentTree.Node> tree)
    {
        var code = input.Code.Trim();
        if (await db.Departments.AnyAsync(d => d.Id != self && d.Code.ToUpper() == code.ToUpper()))
        {
            state.AddModelError("Input.Code", l["Departments.CodeTaken", code]);
        }

        if (input.ParentId is { } parentId)
        {
            var parent = tree.FirstOrDefault(n => n.Id == parentId);
            if (parent is null || parent.Retired)
            {
                state.AddModelError("Input.ParentId", l["Departments.ParentInvalid"]);
            }
            else if (self is { } id && DepartmentTree.Subtree(tree, id).Contains(parentId))
            {
                state.AddModelError("Input.ParentId", l["Departments.ParentCycle"]);
            }
        }

        if (input.HeadUserId is { } headId && !await db.Users.AnyAsync(u => u.Id == headId && u.IsActive))
        {
            state.AddModelError("Input.HeadUserId", l["Departments.HeadInvalid"]);
        }
    }
}
