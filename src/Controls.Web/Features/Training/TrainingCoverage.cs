using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// HUM-1 coverage per department: of the people in service today — the staff roster's members
/// (joined, not left), and active app users who are not on the roster — the share who completed a
/// training session held within the last 12 months, how many have a confidentiality pledge on
/// file, and who is overdue (not trained within 12 months, or no pledge). An app user on the roster
/// (same e-mail address) is one person: what was recorded for either counts. A session with a
/// comprehension test counts only for those who passed it (any attempt, any version); one without
/// counts for those who completed it. Someone who attended a session with a test but has not passed
/// it, and has no other counting training, still must: "attended, not passed".
/// </summary>
public sealed class TrainingCoverage(AppDbContext db, TrainingPeople people)
{
    public sealed record Person(string Key, string EmployeeNumber, string Name, string Email, DateOnly? LastTrainedOn, bool Pledged, DateOnly? AttendedNotPassedOn = null)
    {
        /// <summary>Attended a session within the 12 months whose test they have not passed, and has no training that counts.</summary>
        public bool NotPassed(DateOnly since) => !Trained(since) && AttendedNotPassedOn >= since;

        public bool Trained(DateOnly since) => LastTrainedOn >= since;
    }

    public sealed record Department(Guid Id, string Code, string Name, int Active, int Trained, int Pledged, IReadOnlyList<Person> Overdue)
    {
        public double? TrainedShare => Active == 0 ? null : (double)Trained / Active;
    }

    public static DateOnly Since(DateOnly today) => today.AddMonths(-12);

    /// <summary>The coverage of the active departments among <paramref name="only"/> (every active department when null).</summary>
    public async Task<List<Department>> ForAsync(IReadOnlySet<Guid>? only, DateOnly today, string language, CancellationToken cancellationToken = default)
    {
        var since = Since(today);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.RetiredAt == null && (only == null || only.Contains(d.Id)))
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa })
            .ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var members = await db.StaffMembers.AsNoTracking()
            .Where(m => ids.Contains(m.DepartmentId) && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today))
            .Select(m => new
            {
                m.Id,
                Department = m.DepartmentId,
                m.EmployeeNumber,
                m.Name,
                Email = m.Email ?? "",
                // The app user with the same e-mail address: the same person.
                User = m.NormalizedEmail == null ? null : db.Users.Where(u => u.NormalizedEmail == m.NormalizedEmail).Select(u => (Guid?)u.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var users = await people.UsersOffRoster().AsNoTracking()
            .Where(u => u.IsActive && u.DepartmentId != null && ids.Contains(u.DepartmentId.Value))
            .Select(u => new { u.Id, Department = u.DepartmentId!.Value, u.DisplayName, Email = u.Email ?? "" })
            .ToListAsync(cancellationToken);

        var tested = (await db.TrainingTests.AsNoTracking().Select(t => t.SessionId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var passed = (await db.TrainingTestResults.AsNoTracking().Where(r => r.Passed).Select(r => new { r.SessionId, r.StaffMemberId, r.UserId }).Distinct().ToListAsync(cancellationToken))
            .Select(r => (r.SessionId, TrainingPeople.KeyOf(r.StaffMemberId, r.UserId))).ToHashSet();
        var completed = (await db.TrainingAttendances.AsNoTracking().Where(a => a.Completed && a.Session.HeldOn >= since)
                .Select(a => new { a.SessionId, a.StaffMemberId, a.UserId, a.Session.HeldOn })
                .ToListAsync(cancellationToken))
            .Select(a => (a.SessionId, Key: TrainingPeople.KeyOf(a.StaffMemberId, a.UserId), a.HeldOn))
            .Concat((await db.TrainingAttendances.AsNoTracking().Where(a => a.Completed && a.Session.HeldOn < since)
                    .GroupBy(a => new { a.StaffMemberId, a.UserId })
                    .Select(g => new { g.Key.StaffMemberId, g.Key.UserId, Last = g.Max(a => a.Session.HeldOn) })
                    .ToListAsync(cancellationToken))
                .Select(a => (SessionId: Guid.Empty, Key: TrainingPeople.KeyOf(a.StaffMemberId, a.UserId), HeldOn: a.Last)))
            .ToList();
        // Older than 12 months, only the date matters (it shows as the last training, overdue either way).
        bool Counts((Guid SessionId, string Key, DateOnly HeldOn) a) => a.SessionId == Guid.Empty || !tested.Contains(a.SessionId) || passed.Contains((a.SessionId, a.Key));
        var trained = completed.Where(Counts).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Max(a => a.HeldOn), StringComparer.Ordinal);
        var notPassed = completed.Where(a => !Counts(a)).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Max(a => a.HeldOn), StringComparer.Ordinal);
        var pledged = (await db.ConfidentialityPledges.AsNoTracking().Select(p => new { p.StaffMemberId, p.UserId }).Distinct().ToListAsync(cancellationToken))
            .Select(p => TrainingPeople.KeyOf(p.StaffMemberId, p.UserId)).ToHashSet(StringComparer.Ordinal);

        DateOnly? Last(params string[] keys) => keys.Select(k => trained.TryGetValue(k, out var day) ? day : (DateOnly?)null).Max();
        DateOnly? Attended(params string[] keys) => keys.Select(k => notPassed.TryGetValue(k, out var day) ? day : (DateOnly?)null).Max();
        bool Pledged(params string[] keys) => keys.Any(pledged.Contains);

        var everyone = members.Select(m =>
            {
                string[] keys = m.User is { } user ? [TrainingPeople.KeyOf(m.Id, null), TrainingPeople.KeyOf(null, user)] : [TrainingPeople.KeyOf(m.Id, null)];
                return (m.Department, Person: new Person(keys[0], m.EmployeeNumber, m.Name, m.Email, Last(keys), Pledged(keys), Attended(keys)));
            })
            .Concat(users.Select(u =>
            {
                var key = TrainingPeople.KeyOf(null, u.Id);
                return (u.Department, Person: new Person(key, "", u.DisplayName, u.Email, Last(key), Pledged(key), Attended(key)));
            }))
            .ToLookup(p => p.Department, p => p.Person);
        return departments.Select(d =>
        {
            var inService = everyone[d.Id].ToList();
            return new Department(d.Id, d.Code, d.Name, inService.Count, inService.Count(m => m.Trained(since)), inService.Count(m => m.Pledged),
                inService.Where(m => !m.Trained(since) || !m.Pledged).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.EmployeeNumber, StringComparer.Ordinal).ToList());
        }).ToList();
    }
}
