using Controls.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Admin.Departments;

/// <summary>The department tree (division → department → …). Administrators only.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ShowRetired { get; set; }

    public List<DepartmentTree.Node> Tree { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var tree = await DepartmentTree.LoadAsync(db);
        Tree = ShowRetired ? tree : tree.Where(n => !n.Retired).ToList();
    }
}
