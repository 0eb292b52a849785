using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Departments;

/// <summary>
/// Rename, move, set the head of, retire or reactivate a department (never delete: history
/// refers to it). Administrators only. Concurrent edits are detected by the row version.
/// </summary>
public class EditModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public bool Retired { get; private set; }
    public List<SelectListItem> Parents { get; private set; } = [];
    public List<SelectListItem> Heads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        Show(department);
        await LoadChoices(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        var tree = await DepartmentTree.LoadAsync(db);
        if (ModelState.IsValid)
        {
            await DepartmentRules.CheckAsync(db, l, ModelState, Input, id, tree);
        }

        if (!ModelState.IsValid)
        {
            Retired = department.IsRetired;
            await LoadChoices(id);
            return Page();
        }

        department.Code = Input.Code.Trim();
        department.NameJa = Input.NameJa.Trim();
        department.NameEn = Input.NameEn.Trim();
        department.ParentId = Input.ParentId;
        department.HeadUserId = Input.HeadUserId;
        return await Save(department, "Common.Saved");
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        if (await db.Departments.AnyAsync(d => d.ParentId == id && d.RetiredAt == null))
        {
            ModelState.AddModelError("", l["Departments.RetireHasChildren"]);
            Show(department);
            await LoadChoices(id);
            return Page();
        }

        department.RetiredAt = time.GetUtcNow();
        return await Save(department, "Departments.RetiredMessage");
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id)
    {
        var department = await db.Departments.Include(d => d.Parent).SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }

        if (department.Parent is { IsRetired: true })
        {
            ModelState.AddModelError("", l["Departments.ReactivateParentRetired"]);
            Show(department);
            await LoadChoices(id);
            return Page();
        }

        department.RetiredAt = null;
        return await Save(department, "Departments.Reactivated");
    }

    private async Task<IActionResult> Save(Department department, string message)
    {
        db.Entry(department).Property(d => d.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            db.ChangeTracker.Clear();
            var current = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id);
            Version = current.Version;
            Retired = current.IsRetired;
            await LoadChoices(department.Id);
            return Page();
        }

        TempData["Message"] = l[message, department.Code].Value;
        return RedirectToPage("Edit", new { id = department.Id });
    }

    private void Show(Department department)
    {
        Input = new DepartmentInput
        {
            Code = department.Code,
            NameJa = department.NameJa,
            NameEn = department.NameEn,
            ParentId = department.ParentId,
            HeadUserId = department.HeadUserId,
        };
        Version = department.Version;
        Retired = department.IsRetired;
    }

    private async Task LoadChoices(Guid id)
    {
        Parents = DepartmentTree.ParentChoices(await DepartmentTree.LoadAsync(db), id);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive || u.Id == Input.HeadUserId)
            .OrderByDescending(u => u.DepartmentId == id).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync();
        Heads = people.Select(p => new SelectListItem($"{p.DisplayName} <{p.Email}>", p.Id.ToString())).ToList();
    }
}
