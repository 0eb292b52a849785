using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Notifications;

/// <summary>The unread count for the navigation bar's badge: one indexed count per page.</summary>
public sealed class UnreadNotifications(AppDbContext db)
{
    public async Task<int> CountAsync(ClaimsPrincipal user)
    {
        if (DepartmentScope.UserId(user) is not { } userId)
        {
            return 0;
        }

        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }
}
