using Controls.Web.Data;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Departments;

/// <summary>
/// The department tree (division → department → …), retired departments on request; exported (CSV,
/// Excel) as filtered, in the tree's order. Administrators only.
/// </summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ShowRetired { get; set; }

    public List<DepartmentTree.Node> Tree { get; private set; } = [];

    public async Task OnGetAsync() => Tree = await FilteredAsync();

    /// <summary>CSV or Excel of the departments the filter shows: code, the code above, name, head, members, status.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var tree = await FilteredAsync();
        var codes = (await DepartmentTree.LoadAsync(db)).ToDictionary(n => n.Id, n => n.Code);
        var en = Languages.Current == Languages.English;
        XlsxColumn[] columns =
        [
            new(l["Field.Code"], 12), new(l["Field.Parent"], 12), new(l["Field.Name"], 26), new(l["Field.Head"], 20),
            new(l["Departments.Members"], 10), new(l["Field.Status"], 10),
        ];
        var rows = tree.Select(d => new object?[]
        {
            d.Code, d.ParentId is { } parent ? codes.GetValueOrDefault(parent) : null, en ? d.NameEn : d.NameJa, d.HeadName, d.Members,
            d.Retired ? l["Departments.Retired"].Value : l["Export.Active"].Value,
        }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "departments", l["Nav.Departments"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The tree in display order, without retired departments unless asked for (the page and its export).</summary>
    private async Task<List<DepartmentTree.Node>> FilteredAsync()
    {
        var tree = await DepartmentTree.LoadAsync(db);
        return ShowRetired ? tree : tree.Where(n => !n.Retired).ToList();
    }
}
