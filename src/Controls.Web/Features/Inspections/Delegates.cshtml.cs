using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// A department head names the delegates (代理回答者) who help answer their department's
/// inspections: active users of the same department. Delegates answer but cannot sign off.
/// Department heads only.
/// </summary>
public class DelegatesModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public Guid? DepartmentId { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public List<DelegateRow> Current { get; private set; } = [];
    public List<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public sealed record DelegateRow(Guid UserId, string Name, string Email, bool Active, bool InDepartment, DateTimeOffset Since);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromForm] Guid? userId, CancellationToken cancellationToken)
    {
        if (DepartmentScope.DepartmentOf(User) is not { } department)
        {
            return await ShowAsync(l["Delegates.NoDepartment"], cancellationToken);
        }

        var me = DepartmentScope.UserId(User);
        var user = userId is { } id
            ? await db.Users.Where(u => u.Id == id && u.DepartmentId == department && u.IsActive && u.Id != me).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (user is null)
        {
            return await ShowAsync(l["Delegates.UnknownUser"], cancellationToken);
        }

        if (await db.DepartmentDelegates.AnyAsync(d => d.DepartmentId == department && d.UserId == user.Id, cancellationToken))
        {
            return await ShowAsync(l["Delegates.AlreadyDelegate", user.DisplayName], cancellationToken);
        }

        db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = department, UserId = user.Id, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(l["Delegates.AlreadyDelegate", user.DisplayName], cancellationToken);
        }

        TempData["Message"] = l["Delegates.Added", user.DisplayName].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromForm] Guid userId, CancellationToken cancellationToken)
    {
        if (DepartmentScope.DepartmentOf(User) is not { } department)
        {
            return await ShowAsync(l["Delegates.NoDepartment"], cancellationToken);
        }

        var row = await db.DepartmentDelegates.Include(d => d.User).SingleOrDefaultAsync(d => d.DepartmentId == department && d.UserId == userId, cancellationToken);
        if (row is null)
        {
            // Removed already (or never one of ours): nothing to do.
            return RedirectToPage();
        }

        db.DepartmentDelegates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Delegates.Removed", row.User.DisplayName].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(string error, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", error);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        DepartmentId = DepartmentScope.DepartmentOf(User);
        if (DepartmentId is not { } department)
        {
            return;
        }

        var names = await db.Departments.Where(d => d.Id == department).Select(d => new { d.NameJa, d.NameEn }).SingleOrDefaultAsync(cancellationToken);
        DepartmentName = names is null ? "" : Infrastructure.Localization.Languages.Current == "en" ? names.NameEn : names.NameJa;
        Current = await db.DepartmentDelegates.AsNoTracking().Where(d => d.DepartmentId == department)
            .OrderBy(d => d.User.DisplayName)
            .Select(d => new DelegateRow(d.UserId, d.User.DisplayName, d.User.Email ?? "", d.User.IsActive, d.User.DepartmentId == department, d.CreatedAt))
            .ToListAsync(cancellationToken);
        var me = DepartmentScope.UserId(User);
        Candidates = (await db.Users.AsNoTracking()
                .Where(u => u.DepartmentId == department && u.IsActive && u.Id != me && !db.DepartmentDelegates.Any(d => d.DepartmentId == department && d.UserId == u.Id))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, $"{u.DisplayName} ({u.Email})")).ToList();
    }
}
