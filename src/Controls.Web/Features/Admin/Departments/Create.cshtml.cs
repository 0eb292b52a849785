using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Departments;

/// <summary>Create a department (at the top level or under a parent). Administrators only.</summary>
public class CreateModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    public List<SelectListItem> Parents { get; private set; } = [];

    public async Task OnGetAsync(Guid? parentId)
    {
        Input.ParentId = parentId;
        Parents = DepartmentTree.ParentChoices(await DepartmentTree.LoadAsync(db), null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Remove("Input.HeadUserId");
        Input.HeadUserId = null;
        var tree = await DepartmentTree.LoadAsync(db);
        if (ModelState.IsValid)
        {
            await DepartmentRules.CheckAsync(db, l, ModelState, Input, null, tree);
        }

        if (!ModelState.IsValid)
        {
            Parents = DepartmentTree.ParentChoices(tree, null);
            return Page();
        }

        var department = new Department
        {
            Id = Guid.NewGuid(),
            Code = Input.Code.Trim(),
            NameJa = Input.NameJa.Trim(),
            NameEn = Input.NameEn.Trim(),
            ParentId = Input.ParentId,
        };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Departments.Created", department.Code].Value;
        return RedirectToPage("Index");
    }
}
