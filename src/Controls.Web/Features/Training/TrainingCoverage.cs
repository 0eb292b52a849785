using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// HUM-1 coverage per department: of its active users, the share who completed a training session
/// held within the last 12 months, how many have a confidentiality pledge on file, and who is
/// overdue (not trained within 12 months, or no pledge).
/// </summary>
public sealed class TrainingCoverage(AppDbContext db)
{
    public sealed record Person(Guid Id, string Name, string Email, DateOnly? LastTrainedOn, bool Pledged)
    {
        public bool Trained(DateOnly since) => LastTrainedOn >= since;
    }

    public sealed record Department(Guid Id, string Code, string Name, int Active, int Trained, int Pledged, IReadOnlyList<Person> Overdue)
    {
        public double? TrainedShare => Active == 0 ? null : (double)Trained / Active;
    }

    public static DateOnly Since(DateOnly today) => today.AddMonths(-12);

    public async Task<List<Department>> ForAsync(Guid? onlyDepartment, DateOnly today, string language, CancellationToken cancellationToken = default)
    {
        var since = Since(today);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.RetiredAt == null && (onlyDepartment == null || d.Id == onlyDepartment))
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa })
            .ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DepartmentId != null && ids.Contains(u.DepartmentId.Value))
            .Select(u => new
            {
                u.Id,
                Department = u.DepartmentId!.Value,
                u.DisplayName,
                Email = u.Email ?? "",
                LastTrainedOn = db.TrainingAttendances.Where(a => a.UserId == u.Id && a.Completed).Max(a => (DateOnly?)a.Session.HeldOn),
                Pledged = db.ConfidentialityPledges.Any(p => p.UserId == u.Id),
            })
            .ToListAsync(cancellationToken);
        return departments.Select(d =>
        {
            var members = people.Where(p => p.Department == d.Id).Select(p => new Person(p.Id, p.DisplayName, p.Email, p.LastTrainedOn, p.Pledged)).ToList();
            return new Department(d.Id, d.Code, d.Name, members.Count, members.Count(m => m.Trained(since)), members.Count(m => m.Pledged),
                members.Where(m => !m.Trained(since) || !m.Pledged).OrderBy(m => m.Name, StringComparer.Ordinal).ToList());
        }).ToList();
    }
}
