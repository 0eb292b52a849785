using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// The comprehension tests of a year (理解度確認テストの状況) for the dashboard and the
/// management-review workbook: for each training session with a test held in the period, per
/// department, how many people must pass it and how many have. Who must: the people in service today
/// (roster members, and active app users off the roster, as <see cref="TrainingCoverage"/> counts them)
/// — everyone for a mandatory session, else those whose attendance is recorded for it
/// (as <see cref="Infrastructure.Authorization.TrainingTestAccess.SessionsFor"/> decides who is expected).
/// Passed: a passed result of any version, in the app or imported. A handful of set queries, no query per person.
/// </summary>
public sealed class TrainingComprehension(AppDbContext db, TrainingPeople people)
{
    public sealed record Row(Guid SessionId, string Title, DateOnly HeldOn, Guid DepartmentId, string Code, string NameJa, string NameEn, int Must, int Passed)
    {
        public int StillMust => Must - Passed;
    }

    public sealed record Test(Guid SessionId, string Title, DateOnly HeldOn, int Must, int Passed)
    {
        public int StillMust => Must - Passed;
    }

    /// <summary>The rows (session × department with at least one person who must pass), sessions by date, departments by code.</summary>
    public async Task<List<Row>> ByDepartmentAsync(IReadOnlySet<Guid>? only, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken = default)
    {
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.HeldOn >= from && s.HeldOn <= to && db.TrainingTests.Any(t => t.SessionId == s.Id))
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Title)
            .Select(s => new { s.Id, s.Title, s.HeldOn, s.Mandatory })
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }

        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.RetiredAt == null && (only == null || only.Contains(d.Id)))
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn })
            .ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        // The people in service today, each with the keys their records may be kept under (roster member and app user).
        var members = await db.StaffMembers.AsNoTracking()
            .Where(m => ids.Contains(m.DepartmentId) && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today))
            .Select(m => new
            {
                m.Id,
                m.DepartmentId,
                User = m.NormalizedEmail == null ? null : db.Users.Where(u => u.NormalizedEmail == m.NormalizedEmail).Select(u => (Guid?)u.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var users = await people.UsersOffRoster().AsNoTracking()
            .Where(u => u.IsActive && u.DepartmentId != null && ids.Contains(u.DepartmentId.Value))
            .Select(u => new { u.Id, DepartmentId = u.DepartmentId!.Value })
            .ToListAsync(cancellationToken);
        var everyone = members
            .Select(m => (m.DepartmentId, Keys: m.User is { } user ? new[] { TrainingPeople.KeyOf(m.Id, null), TrainingPeople.KeyOf(null, user) } : [TrainingPeople.KeyOf(m.Id, null)]))
            .Concat(users.Select(u => (u.DepartmentId, Keys: new[] { TrainingPeople.KeyOf(null, u.Id) })))
            .ToLookup(p => p.DepartmentId, p => p.Keys);

        var sessionIds = sessions.Select(s => s.Id).ToList();
        var attended = (await db.TrainingAttendances.AsNoTracking().Where(a => sessionIds.Contains(a.SessionId))
                .Select(a => new { a.SessionId, a.StaffMemberId, a.UserId }).ToListAsync(cancellationToken))
            .Select(a => (a.SessionId, TrainingPeople.KeyOf(a.StaffMemberId, a.UserId))).ToHashSet();
        var passed = (await db.TrainingTestResults.AsNoTracking().Where(r => r.Passed && sessionIds.Contains(r.SessionId))
                .Select(r => new { r.SessionId, r.StaffMemberId, r.UserId }).Distinct().ToListAsync(cancellationToken))
            .Select(r => (r.SessionId, TrainingPeople.KeyOf(r.StaffMemberId, r.UserId))).ToHashSet();

        var rows = new List<Row>();
        foreach (var s in sessions)
        {
            foreach (var d in departments)
            {
                var must = everyone[d.Id].Where(keys => s.Mandatory || keys.Any(k => attended.Contains((s.Id, k)))).ToList();
                if (must.Count > 0)
                {
                    rows.Add(new Row(s.Id, s.Title, s.HeldOn, d.Id, d.Code, d.NameJa, d.NameEn, must.Count, must.Count(keys => keys.Any(k => passed.Contains((s.Id, k))))));
                }
            }
        }

        return rows;
    }

    /// <summary>The same, summed per test.</summary>
    public static List<Test> PerTest(IEnumerable<Row> rows) =>
        rows.GroupBy(r => (r.SessionId, r.Title, r.HeldOn))
            .Select(g => new Test(g.Key.SessionId, g.Key.Title, g.Key.HeldOn, g.Sum(r => r.Must), g.Sum(r => r.Passed)))
            .ToList();
}
