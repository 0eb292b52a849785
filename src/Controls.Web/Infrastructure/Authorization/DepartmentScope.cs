using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Which departments' records a user sees, decided in one place for every page that lists or opens
/// department data (inspections, actions, findings, audits, incidents, the ledger, contractors, the
/// dashboard, the home page):
/// <list type="bullet">
/// <item>compliance officers, auditors, management and administrators: every department;</item>
/// <item>a department head: their department and every department below it (a division head sees
/// the departments of the division, read-only: answering, signing off and changing stay with each
/// department's own head — <see cref="Answering"/> and the features' write rules);</item>
/// <item>a delegate named by a department head: that department only;</item>
/// <item>anyone else: none.</item>
/// </list>
/// Records outside the scope answer 404, never 403 (their existence is not revealed).
/// Scoped per request: the department tree is read once.
/// </summary>
public sealed class DepartmentScope(AppDbContext db)
{
    private Task<List<(Guid Id, Guid? ParentId)>>? tree;
    private readonly Dictionary<(Guid, Guid, bool), Task<Departments>> cache = [];

    /// <summary>A set of departments, or all of them.</summary>
    public sealed class Departments
    {
        private Departments(bool all, IReadOnlySet<Guid> ids)
        {
            All = all;
            Ids = ids;
        }

        public static readonly Departments Every = new(true, new HashSet<Guid>());
        public static readonly Departments None = new(false, new HashSet<Guid>());

        public static Departments Of(IReadOnlySet<Guid> ids) => new(false, ids);

        /// <summary>Every department (no filter needed).</summary>
        public bool All { get; }

        /// <summary>The departments when not <see cref="All"/> (for a query: <c>Ids.Contains(x.DepartmentId)</c>).</summary>
        public IReadOnlySet<Guid> Ids { get; }

        public bool IsEmpty => !All && Ids.Count == 0;

        /// <summary>More than one department: lists name the department on each row.</summary>
        public bool Several => All || Ids.Count > 1;

        public bool Includes(Guid? department) => department is { } id && (All || Ids.Contains(id));
    }

    public static bool SeesAllDepartments(ClaimsPrincipal user) => Roles.SeeingEveryDepartment.Any(user.IsInRole);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? DepartmentOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ControlsClaims.DepartmentId), out var id) ? id : null;

    /// <summary>The departments whose records this user sees (see the class summary).</summary>
    public async Task<Departments> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (SeesAllDepartments(user))
        {
            return Departments.Every;
        }

        if (user.IsInRole(Roles.DepartmentHead))
        {
            return await HeadedAsync(user, cancellationToken);
        }

        return await Answering(user, cancellationToken) is { } delegated ? Departments.Of(new HashSet<Guid> { delegated }) : Departments.None;
    }

    /// <summary>
    /// The departments a department head oversees: their own and every one below it (none for anyone
    /// else, whatever their other roles). For the records only heads see (findings, audits, incidents).
    /// </summary>
    public Task<Departments> HeadedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.DepartmentHead) || DepartmentOf(user) is not { } own || UserId(user) is not { } me)
        {
            return Task.FromResult(Departments.None);
        }

        if (!cache.TryGetValue((me, own, true), out var result))
        {
            result = LoadSubtreeAsync(own, cancellationToken);
            cache[(me, own, true)] = result;
        }

        return result;
    }

    /// <summary>The department whose inspections this user answers: their own, as its head or a named delegate (never a department below).</summary>
    public async Task<Guid?> Answering(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (DepartmentOf(user) is not { } department || UserId(user) is not { } userId)
        {
            return null;
        }

        if (user.IsInRole(Roles.DepartmentHead))
        {
            return department;
        }

        return await db.DepartmentDelegates.AnyAsync(d => d.DepartmentId == department && d.UserId == userId, cancellationToken) ? department : null;
    }

    private async Task<Departments> LoadSubtreeAsync(Guid root, CancellationToken cancellationToken)
    {
        tree ??= LoadTreeAsync(cancellationToken);
        return Departments.Of(DepartmentTree.Subtree(await tree, root));
    }

    private async Task<List<(Guid Id, Guid? ParentId)>> LoadTreeAsync(CancellationToken cancellationToken) =>
        (await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.ParentId)).ToList();
}
