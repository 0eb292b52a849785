using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Organisation;

/// <summary>The department tree, flattened in display order (each node followed by its children).</summary>
public static class DepartmentTree
{
    public sealed record Node(Guid Id, string Code, string NameJa, string NameEn, Guid? ParentId, Guid? HeadUserId, string? HeadName, bool Retired, int Depth, int Members);

    public static async Task<List<Node>> LoadAsync(AppDbContext db)
    {
        var all = await db.Departments.AsNoTracking()
            .Select(d => new
            {
                d.Id,
                d.Code,
                d.NameJa,
                d.NameEn,
                d.ParentId,
                d.HeadUserId,
                HeadName = d.HeadUser == null ? null : d.HeadUser.DisplayName,
                Retired = d.RetiredAt != null,
                Members = db.Users.Count(u => u.DepartmentId == d.Id && u.IsActive),
            })
            .ToListAsync();
        var children = all.ToLookup(d => d.ParentId);
        var result = new List<Node>(all.Count);
        void Walk(Guid? parent, int depth)
        {
            foreach (var d in children[parent].OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                result.Add(new Node(d.Id, d.Code, d.NameJa, d.NameEn, d.ParentId, d.HeadUserId, d.HeadName, d.Retired, depth, d.Members));
                Walk(d.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>The departments and all their descendants.</summary>
    public static HashSet<Guid> Subtree(IEnumerable<Node> tree, Guid root) =>
        Subtree(tree.Select(n => (n.Id, n.ParentId)), root);

    /// <summary>The department <paramref name="root"/> and all departments below it, from (id, parent) pairs.</summary>
    public static HashSet<Guid> Subtree(IEnumerable<(Guid Id, Guid? ParentId)> tree, Guid root)
    {
        var byParent = tree.ToLookup(n => n.ParentId, n => n.Id);
        var result = new HashSet<Guid> { root };
        var queue = new Queue<Guid>([root]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in byParent[id])
            {
                if (result.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Departments to pick from on a form: every active one plus <paramref name="current"/> (which may
    /// be retired), or only <paramref name="onlyThis"/> for someone limited to their own department.
    /// </summary>
    public static async Task<List<SelectListItem>> ChoicesAsync(AppDbContext db, Guid? current, Guid? onlyThis = null)
    {
        var language = Languages.Current;
        var departments = await db.Departments.AsNoTracking()
            .Where(d => onlyThis == null ? d.RetiredAt == null || d.Id == current : d.Id == onlyThis)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa })
            .ToListAsync();
        return departments.Select(d => new SelectListItem($"{d.Code} {d.Name}", d.Id.ToString())).ToList();
    }

    /// <summary>
    /// The department filter of the list pages (inspections, actions, answers, findings): every
    /// department, retired ones too (their records stay listed), as "code name" in the current language.
    /// </summary>
    public static async Task<List<(Guid Id, string Name)>> FilterChoicesAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await FilterChoicesAsync(db, null, cancellationToken);

    /// <summary>The departments to filter a list by: all, or only <paramref name="only"/> (those a division head sees).</summary>
    public static async Task<List<(Guid Id, string Name)>> FilterChoicesAsync(AppDbContext db, IReadOnlySet<Guid>? only, CancellationToken cancellationToken = default)
    {
        var language = Languages.Current;
        return (await db.Departments.AsNoTracking().Where(d => only == null || only.Contains(d.Id)).OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.Code + " " + (language == Languages.English ? d.NameEn : d.NameJa))).ToList();
    }

    /// <summary>Parents a department may be moved under: active, and not itself or below itself.</summary>
    public static List<SelectListItem> ParentChoices(IEnumerable<Node> tree, Guid? self)
    {
        var nodes = tree.ToList();
        var excluded = self is { } id ? Subtree(nodes, id) : [];
        var language = Languages.Current;
        return nodes.Where(n => !n.Retired && !excluded.Contains(n.Id))
            .Select(n => new SelectListItem(new string('\u3000', n.Depth) + n.Code + " " + (language == "en" ? n.NameEn : n.NameJa), n.Id.ToString()))
            .ToList();
    }
}
