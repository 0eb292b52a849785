using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// An employee takes a session's comprehension test (all questions on one page): only a test they
/// are expected to take (TrainingTestAccess; anything else answers 404). The answers are graded on
/// submit, the attempt recorded with their attendance, and they are sent to the result. Nothing is
/// shown of the correct answers here. A sheet with an unanswered question, a choice that is not the
/// test's, or a test changed since the page was opened is refused with a message, and nothing is saved.
/// </summary>
public class TakeModel(AppDbContext db, ComprehensionTests tests, TimeProvider time, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;
    public TrainingTest Test { get; private set; } = null!;

    /// <summary>The version the sheet was opened for.</summary>
    [BindProperty] public Guid TestId { get; set; }
    /// <summary>The form field of a question's choices (a radio group, or check boxes when several are correct).</summary>
    public static string FieldOf(TrainingTestQuestion question) => "q" + question.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public HashSet<Guid> Chosen { get; private set; } = [];
    public IReadOnlyList<int> Unanswered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        TestId = Test.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } taker)
        {
            return NotFound();
        }

        var ids = Test.Questions.SelectMany(q => (Request.HasFormContentType ? Request.Form[FieldOf(q)] : default).Select(c => Guid.TryParse(c, out var g) ? g : Guid.Empty)).ToList();
        if (TestId != Test.Id)
        {
            ModelState.AddModelError("", l["Take.Changed"]);
            TestId = Test.Id;
            return Page();
        }

        Chosen = ids.Where(g => g != Guid.Empty).ToHashSet();
        var grade = ids.Contains(Guid.Empty) ? null : Test.GradeAnswers(Chosen);
        if (grade is null || grade.Problem == TrainingTest.GradeProblem.UnknownChoice)
        {
            ModelState.AddModelError("", l["Take.UnknownChoice"]);
            Chosen = [];
            return Page();
        }

        if (grade.Problem == TrainingTest.GradeProblem.Unanswered)
        {
            Unanswered = grade.Unanswered;
            ModelState.AddModelError("", l["Take.Unanswered", string.Join(l["Take.ListSeparator"], grade.Unanswered.Select(n => l["Take.QuestionN", n].Value))]);
            return Page();
        }

        if (grade.Problem != TrainingTest.GradeProblem.None)
        {
            ModelState.AddModelError("", l["Take.NoQuestions"]);
            return Page();
        }

        var now = time.GetUtcNow();
        var result = TrainingTestResult.Taken(Test, taker.UserId, taker.StaffMemberId, Chosen, grade, DateOnly.FromDateTime(clock.Now.DateTime), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tests.AddAsync([result], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("TestResult", new { id = result.Id });
    }

    private async Task<TrainingTestAccess.Taker?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var taker = await TrainingTestAccess.TakerAsync(db, User, cancellationToken);
        if (taker is null)
        {
            return null;
        }

        var session = await TrainingTestAccess.SessionsFor(db, taker).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var test = session is null ? null : await tests.CurrentAsync(id, cancellationToken);
        if (session is null || test is null || test.Questions.Count == 0)
        {
            return null;
        }

        Session = session;
        Test = test;
        return taker;
    }
}
