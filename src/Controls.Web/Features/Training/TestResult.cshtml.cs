using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// One of the signed-in user's own results (anyone else's answers 404): the score, passed or not,
/// and for each question whether it was answered correctly, with the choices they ticked. The
/// correct choices are not shown, so that a retake still checks understanding.
/// </summary>
public class TestResultModel(AppDbContext db) : PageModel
{
    public TrainingTestResult Result { get; private set; } = null!;
    public TrainingTest Test { get; private set; } = null!;
    public string SessionTitle { get; private set; } = "";
    public IReadOnlySet<Guid> Chosen { get; private set; } = new HashSet<Guid>();
    /// <summary>The session's test can be taken again (the user is still expected and it has questions).</summary>
    public bool CanRetake { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TrainingTestAccess.TakerAsync(db, User, cancellationToken) is not { } taker)
        {
            return NotFound();
        }

        var result = await TrainingTestAccess.ResultsOf(db, taker).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        Test = await db.TrainingTests.AsNoTracking().Include(t => t.Questions).ThenInclude(q => q.Choices).SingleAsync(t => t.Id == result.TestId, cancellationToken);
        SessionTitle = await db.TrainingSessions.Where(s => s.Id == result.SessionId).Select(s => s.Title).SingleAsync(cancellationToken);
        Chosen = result.ChosenChoices();
        CanRetake = await TrainingTestAccess.SessionsFor(db, taker).AnyAsync(s => s.Id == result.SessionId, cancellationToken);
        return Page();
    }
}
