using Controls.Web.Data;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Notifications;

/// <summary>
/// The signed-in user's own notifications, newest first, unread highlighted; open one (marks it
/// read), mark one or all read. Another user's notification answers 404.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }
    public bool HasMore { get; private set; }

    public sealed record Row(Guid Id, string Kind, string Subject, string Body, string Link, DateTimeOffset CreatedAt, bool IsRead);

    public async Task OnGetAsync()
    {
        var me = Me();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(n => new Row(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        Unread = await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null);
    }

    /// <summary>Marks the notification read and goes where it points.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id)
    {
        var me = Me();
        var link = await db.Notifications.Where(n => n.Id == id && n.UserId == me).Select(n => n.Link).SingleOrDefaultAsync();
        if (link is null)
        {
            return NotFound();
        }

        await MarkReadAsync(id, me);
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        var me = Me();
        if (!await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == me))
        {
            return NotFound();
        }

        await MarkReadAsync(id, me);
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var me = Me();
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        TempData["Message"] = l["Notifications.AllRead"].Value;
        return RedirectToPage();
    }

    private async Task MarkReadAsync(Guid id, Guid me)
    {
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.Id == id && n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
    }

    // The fallback policy guarantees a signed-in user, whose id is always in the cookie.
    private Guid Me() => DepartmentScope.UserId(User) ?? throw new InvalidOperationException("No signed-in user");
}
