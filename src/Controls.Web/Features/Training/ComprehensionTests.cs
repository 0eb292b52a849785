using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// A session's comprehension test as the pages use it: its current version (the highest), and a
/// result recorded with its attendance. Taking the test, in the app or on paper, is attending the
/// training: the person's attendance is marked completed, with their best score.
/// </summary>
public sealed class ComprehensionTests(AppDbContext db)
{
    /// <summary>The current version with its questions and choices (tracked, so an edit can be saved), or null when the session has no test.</summary>
    public Task<TrainingTest?> CurrentAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        db.TrainingTests.Include(t => t.Questions).ThenInclude(q => q.Choices)
            .Where(t => t.SessionId == sessionId).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds the results and marks each person's attendance completed with their best score (saved by the caller).</summary>
    public async Task AddAsync(IReadOnlyCollection<TrainingTestResult> results, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        db.TrainingTestResults.AddRange(results);
        foreach (var sessionResults in results.GroupBy(r => r.SessionId))
        {
            var sessionId = sessionResults.Key;
            var attendances = (await db.TrainingAttendances.Where(a => a.SessionId == sessionId).ToListAsync(cancellationToken))
                .ToDictionary(a => TrainingPeople.KeyOf(a.StaffMemberId, a.UserId), StringComparer.Ordinal);
            foreach (var result in sessionResults)
            {
                var key = TrainingPeople.KeyOf(result.StaffMemberId, result.UserId);
                if (!attendances.TryGetValue(key, out var attendance))
                {
                    attendance = new TrainingAttendance { Id = Guid.NewGuid(), SessionId = sessionId, StaffMemberId = result.StaffMemberId, UserId = result.UserId };
                    db.TrainingAttendances.Add(attendance);
                    attendances[key] = attendance;
                }

                attendance.Completed = true;
                attendance.Score = result.Score is { } score && (attendance.Score is null || score > attendance.Score) ? score : attendance.Score;
                attendance.RecordedAt = now;
            }
        }
    }
}
