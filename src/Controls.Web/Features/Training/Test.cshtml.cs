using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// The compliance officer edits a session's comprehension test: the pass mark, and questions added,
/// changed or removed one at a time. While nobody has taken the current version it changes in
/// place; once someone has, a change saves the next version (the earlier results stay valid, graded
/// by the version they took) and says so.
/// </summary>
public class TestModel(AppDbContext db, ComprehensionTests tests, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int DefaultPassMark = 80;

    public TrainingSession Session { get; private set; } = null!;
    public TrainingTest? Test { get; private set; }
    public int ResultsOnCurrent { get; private set; }
    public List<(int Version, int Questions, int PassMark, int Results)> Versions { get; private set; } = [];

    [BindProperty] public int? PassMark { get; set; }
    [BindProperty] public QuestionInput Question { get; set; } = new();
    /// <summary>The question being edited (?edit=n), else a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }

    public sealed class QuestionInput
    {
        public string? TextJa { get; set; }
        public string? TextEn { get; set; }
        public List<ChoiceInput> Choices { get; set; } = [];
    }

    public sealed class ChoiceInput
    {
        public string? TextJa { get; set; }
        public string? TextEn { get; set; }
        public bool Correct { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PassMark = Test?.PassMark ?? DefaultPassMark;
        var editing = Edit is { } n ? Test?.Questions.SingleOrDefault(q => q.Number == n) : null;
        if (editing is null)
        {
            Edit = null;
        }

        Question = editing is null ? new QuestionInput() : new QuestionInput
        {
            TextJa = editing.TextJa,
            TextEn = editing.TextEn,
            Choices = editing.Choices.OrderBy(c => c.Number).Select(c => new ChoiceInput { TextJa = c.TextJa, TextEn = c.TextEn, Correct = c.Correct }).ToList(),
        };
        PadChoices();
        return Page();
    }

    public Task<IActionResult> OnPostPassMarkAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "PassMark", test => PassMark is { } mark ? test.SetPassMark(mark) : TrainingTest.EditProblem.PassMark, cancellationToken);

    public Task<IActionResult> OnPostQuestionAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Question", test => test.SaveQuestion(Edit, Question.TextJa ?? "", Question.TextEn ?? "",
            Question.Choices.Take(TrainingTest.MaxChoices + 1).Select(c => new TrainingTest.ChoiceDraft(c.TextJa ?? "", c.TextEn ?? "", c.Correct)).ToList()), cancellationToken);

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, int number, CancellationToken cancellationToken) =>
        ChangeAsync(id, "", test => test.RemoveQuestion(number), cancellationToken);

    /// <summary>Applies one change to the version it goes into (a new one when the current has results); a refused change saves nothing.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string field, Func<TrainingTest, TrainingTest.EditProblem> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            PassMark ??= Test?.PassMark ?? DefaultPassMark;
            PadChoices();
            return Page();
        }

        var now = time.GetUtcNow();
        var current = Test ?? TrainingTest.Create(id, DefaultPassMark, now);
        var target = current.EditableVersion(ResultsOnCurrent > 0, now);
        // Questions and choices of a version being changed in place: those not among these are new (their ids are set, so EF must be told).
        var known = current.Questions.Select(q => q.Id).Concat(current.Questions.SelectMany(q => q.Choices).Select(c => c.Id)).ToHashSet();
        var problem = change(target);
        if (problem != TrainingTest.EditProblem.None)
        {
            ModelState.AddModelError(field, l["Test.Problem." + problem, TrainingTest.MinChoices, TrainingTest.MaxChoices, TrainingTest.MaxQuestions, TrainingTest.TextLength]);
            PassMark ??= Test?.PassMark ?? DefaultPassMark;
            PadChoices();
            return Page();
        }

        if (Test is null || target != current)
        {
            db.TrainingTests.Add(target);
        }
        else
        {
            foreach (var question in target.Questions)
            {
                if (!known.Contains(question.Id))
                {
                    db.Add(question);
                }
                else
                {
                    db.AddRange(question.Choices.Where(c => !known.Contains(c.Id)));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = target != current && Test is not null
            ? l["Test.NewVersion", target.Version, current.Version].Value
            : l["Test.Saved"].Value;
        return RedirectToPage("Test", new { id });
    }

    private void PadChoices()
    {
        Question.Choices = Question.Choices.Take(TrainingTest.MaxChoices).ToList();
        while (Question.Choices.Count < TrainingTest.MaxChoices)
        {
            Question.Choices.Add(new ChoiceInput());
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Test = await tests.CurrentAsync(id, cancellationToken);
        Versions = (await db.TrainingTests.AsNoTracking().Where(t => t.SessionId == id).OrderByDescending(t => t.Version)
                .Select(t => new { t.Version, Questions = t.Questions.Count, t.PassMark, Results = db.TrainingTestResults.Count(r => r.TestId == t.Id) })
                .ToListAsync(cancellationToken))
            .Select(v => (v.Version, v.Questions, v.PassMark, v.Results)).ToList();
        ResultsOnCurrent = Versions.FirstOrDefault().Results;
        return true;
    }
}
