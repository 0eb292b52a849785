using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Organisation;

/// <summary>Names of the departments and contractors in a scope (an audit's, a report's), in the current language.</summary>
public static class ScopeNames
{
    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IEnumerable<Guid> departmentIds, IEnumerable<Guid> contractorIds, CancellationToken cancellationToken)
    {
        var departments = departmentIds.Distinct().ToList();
        var contractors = contractorIds.Distinct().ToList();
        var english = Languages.Current == Languages.English;
        var names = await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Id))
            .Select(d => new { d.Id, Name = english ? d.NameEn : d.NameJa }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        foreach (var contractor in await db.Contractors.AsNoTracking().Where(c => contractors.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            names[contractor.Id] = contractor.Name;
        }

        return names;
    }

    public static string Describe(Dictionary<Guid, string> names, IEnumerable<Guid> departmentIds, IEnumerable<Guid> contractorIds) =>
        string.Join("、", departmentIds.Concat(contractorIds).Select(id => names.GetValueOrDefault(id, "?")));
}
