using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Organisation;

/// <summary>Who is told: active users in a role, and the heads of departments (the named head and users with the role in it).</summary>
public static class Recipients
{
    /// <summary>The active users who hold the role.</summary>
    public static IQueryable<AppUser> ActiveInRole(AppDbContext db, string role) => InRole(db, role).Where(u => u.IsActive);

    /// <summary>The active users who hold any of the roles.</summary>
    public static IQueryable<AppUser> ActiveInAnyRole(AppDbContext db, IEnumerable<string> roles)
    {
        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        return db.Users.Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && normalized.Contains(r.NormalizedName!))));
    }

    /// <summary>The users who hold the role, active or not (to compose into a query: <c>holders.Any(h =&gt; h.Id == u.Id)</c>).</summary>
    public static IQueryable<AppUser> InRole(AppDbContext db, string role)
    {
        var normalized = role.ToUpperInvariant();
        return db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
    }

    /// <summary>The active heads of each of the departments: the named head and the department heads who belong to it.</summary>
    public static async Task<Dictionary<Guid, List<Guid>>> HeadsAsync(AppDbContext db, IReadOnlyCollection<Guid> departmentIds, CancellationToken cancellationToken = default)
    {
        if (departmentIds.Count == 0)
        {
            return [];
        }

        var named = await db.Departments.Where(d => departmentIds.Contains(d.Id) && d.HeadUserId != null && d.HeadUser!.IsActive)
            .Select(d => new { Department = d.Id, User = d.HeadUserId!.Value }).ToListAsync(cancellationToken);
        var byRole = await ActiveInRole(db, Roles.DepartmentHead).Where(u => u.DepartmentId != null && departmentIds.Contains(u.DepartmentId.Value))
            .Select(u => new { Department = u.DepartmentId!.Value, User = u.Id }).ToListAsync(cancellationToken);
        return named.Concat(byRole).GroupBy(h => h.Department).ToDictionary(g => g.Key, g => g.Select(h => h.User).Distinct().ToList());
    }
}
