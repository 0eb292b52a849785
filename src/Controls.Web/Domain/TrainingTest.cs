namespace Controls.Web.Domain;

/// <summary>
/// A training session's comprehension test (理解度確認テスト), one version of it: questions in
/// Japanese and English, each with 2–6 choices of which one or more are correct, and the pass mark
/// (a percentage of the questions answered correctly). Once anyone has a result for a version, that
/// version no longer changes: an edit makes the next version (<see cref="NextVersion"/>) and the
/// results of the old one stay valid as they were graded.
/// </summary>
public class TrainingTest
{
    public const int MinChoices = 2;
    public const int MaxChoices = 6;
    public const int MaxQuestions = 50;
    public const int TextLength = 1000;

    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public TrainingSession Session { get; set; } = null!;
    /// <summary>1 for the first version; the session's test is its highest version.</summary>
    public int Version { get; set; }
    /// <summary>The share of questions to answer correctly to pass, 1–100 (%).</summary>
    public int PassMark { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<TrainingTestQuestion> Questions { get; set; } = [];

    public enum EditProblem { None, PassMark, QuestionText, ChoiceCount, ChoiceText, NoCorrectChoice, TooManyQuestions, NoSuchQuestion }

    /// <summary>A choice as the officer enters it.</summary>
    public sealed record ChoiceDraft(string TextJa, string TextEn, bool Correct);

    public static TrainingTest Create(Guid sessionId, int passMark, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), SessionId = sessionId, Version = 1, PassMark = passMark, CreatedAt = at };

    /// <summary>
    /// The version an edit goes into: this one while nobody has taken it, else a copy of it as the
    /// next version (same questions, new ids), so that the results already recorded keep the
    /// questions and the pass mark they were graded by.
    /// </summary>
    public TrainingTest EditableVersion(bool taken, DateTimeOffset at) => taken ? NextVersion(at) : this;

    public TrainingTest NextVersion(DateTimeOffset at)
    {
        var next = new TrainingTest { Id = Guid.NewGuid(), SessionId = SessionId, Version = Version + 1, PassMark = PassMark, CreatedAt = at };
        foreach (var q in Questions.OrderBy(q => q.Number))
        {
            next.Questions.Add(new TrainingTestQuestion
            {
                Id = Guid.NewGuid(),
                TestId = next.Id,
                Number = q.Number,
                TextJa = q.TextJa,
                TextEn = q.TextEn,
                Choices = q.Choices.OrderBy(c => c.Number).Select(c => new TrainingTestChoice
                {
                    Id = Guid.NewGuid(),
                    Number = c.Number,
                    TextJa = c.TextJa,
                    TextEn = c.TextEn,
                    Correct = c.Correct,
                }).ToList(),
            });
        }

        return next;
    }

    public EditProblem SetPassMark(int passMark)
    {
        if (passMark is < 1 or > 100)
        {
            return EditProblem.PassMark;
        }

        PassMark = passMark;
        return EditProblem.None;
    }

    /// <summary>
    /// Adds a question (<paramref name="number"/> null) or replaces the one with that number; blank
    /// choices are left out. A question needs its text in Japanese (English may be blank: the Japanese
    /// is shown), 2–6 choices with Japanese text, and at least one correct choice.
    /// </summary>
    public EditProblem SaveQuestion(int? number, string textJa, string textEn, IReadOnlyList<ChoiceDraft> choices)
    {
        var kept = choices.Select(c => c with { TextJa = c.TextJa.Trim(), TextEn = c.TextEn.Trim() })
            .Where(c => c.TextJa.Length > 0 || c.TextEn.Length > 0).ToList();
        var existing = number is { } n ? Questions.SingleOrDefault(q => q.Number == n) : null;
        if (number is not null && existing is null)
        {
            return EditProblem.NoSuchQuestion;
        }

        if (textJa.Trim().Length == 0 || textJa.Trim().Length > TextLength || textEn.Trim().Length > TextLength)
        {
            return EditProblem.QuestionText;
        }

        if (kept.Count is < MinChoices or > MaxChoices)
        {
            return EditProblem.ChoiceCount;
        }

        if (kept.Any(c => c.TextJa.Length == 0 || c.TextJa.Length > TextLength || c.TextEn.Length > TextLength))
        {
            return EditProblem.ChoiceText;
        }

        if (!kept.Any(c => c.Correct))
        {
            return EditProblem.NoCorrectChoice;
        }

        if (existing is null && Questions.Count >= MaxQuestions)
        {
            return EditProblem.TooManyQuestions;
        }

        var question = existing ?? new TrainingTestQuestion { Id = Guid.NewGuid(), TestId = Id, Number = Questions.Count == 0 ? 1 : Questions.Max(q => q.Number) + 1 };
        question.TextJa = textJa.Trim();
        question.TextEn = textEn.Trim();
        question.Choices.Clear();
        question.Choices.AddRange(kept.Select((c, i) => new TrainingTestChoice { Id = Guid.NewGuid(), QuestionId = question.Id, Number = i + 1, TextJa = c.TextJa, TextEn = c.TextEn, Correct = c.Correct }));
        if (existing is null)
        {
            Questions.Add(question);
        }

        return EditProblem.None;
    }

    /// <summary>Removes the question with that number; the later ones move up.</summary>
    public EditProblem RemoveQuestion(int number)
    {
        var question = Questions.SingleOrDefault(q => q.Number == number);
        if (question is null)
        {
            return EditProblem.NoSuchQuestion;
        }

        Questions.Remove(question);
        foreach (var later in Questions.Where(q => q.Number > number))
        {
            later.Number--;
        }

        return EditProblem.None;
    }

    /// <summary>Whether a score (a percentage) reaches the pass mark.</summary>
    public bool Passes(int score) => score >= PassMark;

    public enum GradeProblem { None, NoQuestions, UnknownChoice, Unanswered }

    /// <summary>What an answer sheet scored: the questions answered correctly, the score (%, rounded down) and whether it passes.</summary>
    public sealed record Grade(GradeProblem Problem, int Correct, int Score, bool Passed, IReadOnlyList<int> WrongQuestions, IReadOnlyList<int> Unanswered);

    /// <summary>
    /// Grades the choices ticked: a question is answered correctly when exactly its correct choices
    /// are ticked. A choice that is not one of this version's is refused (a tampered or stale form),
    /// as is a sheet with an unanswered question. Passing is exact (correct × 100 ≥ pass mark ×
    /// questions), so the score rounded down passes exactly when the sheet does.
    /// </summary>
    public Grade GradeAnswers(IReadOnlyCollection<Guid> chosen)
    {
        if (Questions.Count == 0)
        {
            return new(GradeProblem.NoQuestions, 0, 0, false, [], []);
        }

        var all = Questions.SelectMany(q => q.Choices).Select(c => c.Id).ToHashSet();
        if (chosen.Any(c => !all.Contains(c)))
        {
            return new(GradeProblem.UnknownChoice, 0, 0, false, [], []);
        }

        var set = chosen.ToHashSet();
        var ordered = Questions.OrderBy(q => q.Number).ToList();
        var unanswered = ordered.Where(q => !q.Choices.Any(c => set.Contains(c.Id))).Select(q => q.Number).ToList();
        if (unanswered.Count > 0)
        {
            return new(GradeProblem.Unanswered, 0, 0, false, [], unanswered);
        }

        var wrong = ordered.Where(q => !q.AnsweredCorrectly(set)).Select(q => q.Number).ToList();
        var correct = ordered.Count - wrong.Count;
        return new(GradeProblem.None, correct, correct * 100 / ordered.Count, correct * 100 >= PassMark * ordered.Count, wrong, []);
    }
}

public class TrainingTestQuestion
{
    public Guid Id { get; set; }
    public Guid TestId { get; set; }
    /// <summary>1, 2, … within the version: the order shown.</summary>
    public int Number { get; set; }
    public string TextJa { get; set; } = "";
    public string TextEn { get; set; } = "";
    public List<TrainingTestChoice> Choices { get; set; } = [];

    /// <summary>More than one correct choice: answered with check boxes ("choose all that apply").</summary>
    public bool MultipleCorrect => Choices.Count(c => c.Correct) > 1;

    public string Text(string language) => language == "en" && TextEn.Length > 0 ? TextEn : TextJa;

    public bool AnsweredCorrectly(IReadOnlySet<Guid> chosen) => Choices.All(c => c.Correct == chosen.Contains(c.Id));
}

public class TrainingTestChoice
{
    public Guid Id { get; set; }
    public Guid QuestionId { get; set; }
    public int Number { get; set; }
    public string TextJa { get; set; } = "";
    public string TextEn { get; set; } = "";
    public bool Correct { get; set; }

    public string Text(string language) => language == "en" && TextEn.Length > 0 ? TextEn : TextJa;
}

public enum TestResultSource
{
    /// <summary>Taken in the app by the user.</summary>
    App = 0,
    /// <summary>Imported from a CSV or Excel file (on paper, or by someone without an account).</summary>
    Imported = 1,
}

/// <summary>
/// One attempt at a test version by one person (a roster member or an app user off the roster,
/// exactly one of the two, as for attendance). Every attempt is kept; the person has passed the
/// session's test when any of their attempts passed (the best result counts).
/// </summary>
public class TrainingTestResult
{
    public Guid Id { get; set; }
    public Guid TestId { get; set; }
    public TrainingTest Test { get; set; } = null!;
    public Guid SessionId { get; set; }
    public Guid? UserId { get; set; }
    public AppUser? User { get; set; }
    public Guid? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    /// <summary>0–100 (%); null for an imported result given only as passed or failed.</summary>
    public int? Score { get; set; }
    public bool Passed { get; set; }
    public DateOnly TakenOn { get; set; }
    public TestResultSource Source { get; set; }
    /// <summary>The choices ticked (ids, comma-separated) of an attempt in the app; empty for an imported one.</summary>
    public string Answers { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    public IReadOnlySet<Guid> ChosenChoices() =>
        Answers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => Guid.TryParse(a, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();

    /// <summary>An attempt in the app, graded (the grade must have no problem).</summary>
    public static TrainingTestResult Taken(TrainingTest test, Guid? userId, Guid? staffMemberId, IReadOnlyCollection<Guid> chosen, TrainingTest.Grade grade, DateOnly on, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        TestId = test.Id,
        SessionId = test.SessionId,
        UserId = userId,
        StaffMemberId = staffMemberId,
        Score = grade.Score,
        Passed = grade.Passed,
        TakenOn = on,
        Source = TestResultSource.App,
        Answers = string.Join(',', chosen.Distinct()),
        RecordedAt = at,
    };

    public enum ImportProblem { None, NoScoreOrPassed, Contradicts }

    /// <summary>
    /// A result from a file: the score, whether passed, or both. Passed follows from the score by the
    /// version's pass mark when only the score is given; both given must agree.
    /// </summary>
    public static (TrainingTestResult? Result, ImportProblem Problem) Imported(TrainingTest test, Guid? userId, Guid? staffMemberId, int? score, bool? passed, DateOnly on, DateTimeOffset at)
    {
        if (score is null && passed is null)
        {
            return (null, ImportProblem.NoScoreOrPassed);
        }

        if (score is { } s && passed is { } p && test.Passes(s) != p)
        {
            return (null, ImportProblem.Contradicts);
        }

        return (new TrainingTestResult
        {
            Id = Guid.NewGuid(),
            TestId = test.Id,
            SessionId = test.SessionId,
            UserId = userId,
            StaffMemberId = staffMemberId,
            Score = score,
            Passed = passed ?? test.Passes(score!.Value),
            TakenOn = on,
            Source = TestResultSource.Imported,
            RecordedAt = at,
        }, ImportProblem.None);
    }
}
