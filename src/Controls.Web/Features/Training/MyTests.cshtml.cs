using Controls.Web.Data;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// The signed-in user's comprehension tests: each session with a test they are expected to take
/// (TrainingTestAccess), whether they have passed it (any attempt passed: the best result counts),
/// their best and last score, and every result of theirs.
/// </summary>
public class MyTestsModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid SessionId, string Title, DateOnly HeldOn, bool Mandatory, int Questions, int PassMark, int Attempts, bool Passed, int? BestScore, Guid? LastResultId, int? LastScore, bool? LastPassed);

    public sealed record ResultRow(Guid Id, string Title, int Version, DateOnly TakenOn, int? Score, bool Passed, bool Imported);

    public List<Row> Rows { get; private set; } = [];
    public List<ResultRow> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await TrainingTestAccess.TakerAsync(db, User, cancellationToken) is not { } taker)
        {
            return;
        }

        var sessions = await TrainingTestAccess.SessionsFor(db, taker).AsNoTracking()
            .OrderByDescending(s => s.HeldOn).ThenBy(s => s.Title)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.HeldOn,
                s.Mandatory,
                Test = db.TrainingTests.Where(t => t.SessionId == s.Id).OrderByDescending(t => t.Version).Select(t => new { Questions = t.Questions.Count, t.PassMark }).First(),
            })
            .ToListAsync(cancellationToken);
        var mine = await TrainingTestAccess.ResultsOf(db, taker).AsNoTracking()
            .Select(r => new { r.Id, r.SessionId, r.Test.Version, Title = db.TrainingSessions.Where(s => s.Id == r.SessionId).Select(s => s.Title).First(), r.TakenOn, r.Score, r.Passed, r.Source, r.RecordedAt })
            .ToListAsync(cancellationToken);
        mine = mine.OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.RecordedAt).ToList();
        Rows = sessions.Where(s => s.Test.Questions > 0 || mine.Any(r => r.SessionId == s.Id)).Select(s =>
        {
            var results = mine.Where(r => r.SessionId == s.Id).ToList();
            var last = results.FirstOrDefault();
            return new Row(s.Id, s.Title, s.HeldOn, s.Mandatory, s.Test.Questions, s.Test.PassMark, results.Count, results.Any(r => r.Passed),
                results.Max(r => r.Score), last?.Id, last?.Score, last?.Passed);
        }).ToList();
        Results = mine.Select(r => new ResultRow(r.Id, r.Title, r.Version, r.TakenOn, r.Score, r.Passed, r.Source == Domain.TestResultSource.Imported)).ToList();
    }
}
