using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Who takes which comprehension test, and whose results a user sees (the record-level rules of
/// /Training/MyTests, /Training/Take and /Training/TestResult, open to everyone signed in): a user
/// is the person the training records are kept for — the roster member with their e-mail address,
/// else the app user. They are expected at a session with a test when it is mandatory (everyone) or
/// when attendance is recorded for them; they see only their own results. Anything else answers 404.
/// </summary>
public static class TrainingTestAccess
{
    /// <summary>A person of the training records: a roster member or an app user off the roster (exactly one of the two).</summary>
    public sealed record Taker(Guid? UserId, Guid? StaffMemberId);

    public static async Task<Taker?> TakerAsync(AppDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (DepartmentScope.UserId(principal) is not { } userId)
        {
            return null;
        }

        var email = await db.Users.Where(u => u.Id == userId && u.IsActive).Select(u => new { u.NormalizedEmail }).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return null;
        }

        var member = email.NormalizedEmail is null ? null
            : await db.StaffMembers.Where(m => m.NormalizedEmail == email.NormalizedEmail).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return member is { } staff ? new Taker(null, staff) : new Taker(userId, null);
    }

    /// <summary>The sessions with a test that this person is expected to take.</summary>
    public static IQueryable<TrainingSession> SessionsFor(AppDbContext db, Taker taker) =>
        db.TrainingSessions.Where(s => db.TrainingTests.Any(t => t.SessionId == s.Id)
            && (s.Mandatory || db.TrainingAttendances.Any(a => a.SessionId == s.Id && a.UserId == taker.UserId && a.StaffMemberId == taker.StaffMemberId)));

    /// <summary>This person's own results (every attempt, in the app or imported).</summary>
    public static IQueryable<TrainingTestResult> ResultsOf(AppDbContext db, Taker taker) =>
        db.TrainingTestResults.Where(r => r.UserId == taker.UserId && r.StaffMemberId == taker.StaffMemberId);
}
