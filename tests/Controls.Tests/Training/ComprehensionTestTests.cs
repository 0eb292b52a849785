using Controls.Web.Domain;

namespace Controls.Tests.Training;

/// <summary>The comprehension test's rules: editing, versions, grading, and results imported from a file.</summary>
public class ComprehensionTestTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly On = new(2026, 12, 1);

    /// <summary>Five questions, the second with two correct choices; pass mark 80%.</summary>
    private static TrainingTest FiveQuestions()
    {
        var test = TrainingTest.Create(Guid.NewGuid(), 80, At);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(TrainingTest.EditProblem.None, test.SaveQuestion(null, $"設問{i}", $"Question {i}",
            [
                new("正しい", "right", true),
                new("誤り", "wrong", false),
                new(i == 2 ? "これも正しい" : "", i == 2 ? "also right" : "", i == 2),
            ]));
        }

        return test;
    }

    /// <summary>The ids a person ticks: the correct choices of the questions given as right, a wrong choice elsewhere.</summary>
    private static List<Guid> Ticks(TrainingTest test, params int[] right) =>
        test.Questions.SelectMany(q => right.Contains(q.Number) ? q.Choices.Where(c => c.Correct).Select(c => c.Id) : q.Choices.Where(c => !c.Correct).Take(1).Select(c => c.Id)).ToList();

    [Fact]
    public void A_question_needs_Japanese_text_two_to_six_choices_and_a_correct_one()
    {
        var test = TrainingTest.Create(Guid.NewGuid(), 80, At);
        Assert.Equal(TrainingTest.EditProblem.QuestionText, test.SaveQuestion(null, " ", "Only English", [new("a", "", true), new("b", "", false)]));
        Assert.Equal(TrainingTest.EditProblem.ChoiceCount, test.SaveQuestion(null, "設問", "", [new("a", "", true), new("", "", false)]));
        Assert.Equal(TrainingTest.EditProblem.ChoiceCount, test.SaveQuestion(null, "設問", "", Enumerable.Range(1, 7).Select(i => new TrainingTest.ChoiceDraft($"c{i}", "", i == 1)).ToList()));
        Assert.Equal(TrainingTest.EditProblem.ChoiceText, test.SaveQuestion(null, "設問", "", [new("a", "", true), new("", "only English", false)]));
        Assert.Equal(TrainingTest.EditProblem.NoCorrectChoice, test.SaveQuestion(null, "設問", "", [new("a", "", false), new("b", "", false)]));
        Assert.Empty(test.Questions);
        Assert.Equal(TrainingTest.EditProblem.None, test.SaveQuestion(null, "設問", "", Enumerable.Range(1, 6).Select(i => new TrainingTest.ChoiceDraft($"c{i}", "", i == 1)).ToList()));
        Assert.Equal(6, test.Questions.Single().Choices.Count);
        Assert.Equal(TrainingTest.EditProblem.PassMark, test.SetPassMark(0));
        Assert.Equal(TrainingTest.EditProblem.PassMark, test.SetPassMark(101));
        Assert.Equal(80, test.PassMark);
    }

    [Fact]
    public void Removing_a_question_moves_the_later_ones_up()
    {
        var test = FiveQuestions();
        Assert.Equal(TrainingTest.EditProblem.None, test.RemoveQuestion(2));
        Assert.Equal([1, 2, 3, 4], test.Questions.OrderBy(q => q.Number).Select(q => q.Number));
        Assert.Equal("設問3", test.Questions.Single(q => q.Number == 2).TextJa);
        Assert.Equal(TrainingTest.EditProblem.NoSuchQuestion, test.RemoveQuestion(9));
    }

    [Fact]
    public void A_test_taken_is_not_changed_an_edit_goes_into_the_next_version_with_the_same_questions()
    {
        var test = FiveQuestions();
        Assert.Same(test, test.EditableVersion(taken: false, At));

        var next = test.EditableVersion(taken: true, At);
        Assert.NotSame(test, next);
        Assert.Equal(2, next.Version);
        Assert.Equal(test.SessionId, next.SessionId);
        Assert.Equal(test.Questions.Select(q => q.TextJa), next.Questions.Select(q => q.TextJa));
        Assert.Empty(next.Questions.SelectMany(q => q.Choices).Select(c => c.Id).Intersect(test.Questions.SelectMany(q => q.Choices).Select(c => c.Id)));

        next.SetPassMark(60);
        next.SaveQuestion(1, "変更後の設問1", "", [new("x", "", true), new("y", "", false)]);
        Assert.Equal(80, test.PassMark);
        Assert.Equal("設問1", test.Questions.Single(q => q.Number == 1).TextJa);
    }

    [Fact]
    public void Grading_counts_a_question_right_only_when_exactly_its_correct_choices_are_ticked()
    {
        var test = FiveQuestions();
        var failed = test.GradeAnswers(Ticks(test, 1, 2, 3));
        Assert.Equal((TrainingTest.GradeProblem.None, 3, 60, false), (failed.Problem, failed.Correct, failed.Score, failed.Passed));
        Assert.Equal([4, 5], failed.WrongQuestions);

        var passed = test.GradeAnswers(Ticks(test, 1, 2, 3, 4));
        Assert.Equal((80, true), (passed.Score, passed.Passed));

        // Question 2 has two correct choices: one of them alone is wrong.
        var half = Ticks(test, 1, 3, 4, 5);
        half.Add(test.Questions.Single(q => q.Number == 2).Choices.First(c => c.Correct).Id);
        half.Remove(test.Questions.Single(q => q.Number == 2).Choices.First(c => !c.Correct).Id);
        Assert.Equal([2], test.GradeAnswers(half).WrongQuestions);
    }

    [Fact]
    public void Passing_is_exact_and_the_score_is_rounded_down()
    {
        var test = TrainingTest.Create(Guid.NewGuid(), 67, At);
        for (var i = 0; i < 3; i++)
        {
            test.SaveQuestion(null, "設問", "", [new("a", "", true), new("b", "", false)]);
        }

        var two = test.GradeAnswers(Ticks(test, 1, 2));
        Assert.Equal((66, false), (two.Score, two.Passed));
        test.SetPassMark(66);
        Assert.True(test.GradeAnswers(Ticks(test, 1, 2)).Passed);
    }

    [Fact]
    public void A_sheet_with_an_unanswered_question_or_a_choice_not_of_this_version_is_refused()
    {
        var test = FiveQuestions();
        var unanswered = test.GradeAnswers(Ticks(test, 1, 2, 3, 4, 5).Where(id => !test.Questions.Single(q => q.Number == 3).Choices.Any(c => c.Id == id)).ToList());
        Assert.Equal(TrainingTest.GradeProblem.Unanswered, unanswered.Problem);
        Assert.Equal([3], unanswered.Unanswered);

        var tampered = Ticks(test, 1, 2, 3, 4, 5);
        tampered.Add(Guid.NewGuid());
        Assert.Equal(TrainingTest.GradeProblem.UnknownChoice, test.GradeAnswers(tampered).Problem);

        // The previous version's choices are not this one's.
        var next = test.NextVersion(At);
        Assert.Equal(TrainingTest.GradeProblem.UnknownChoice, next.GradeAnswers(Ticks(test, 1, 2, 3, 4, 5)).Problem);
        Assert.Equal(TrainingTest.GradeProblem.NoQuestions, TrainingTest.Create(Guid.NewGuid(), 80, At).GradeAnswers([]).Problem);
    }

    [Fact]
    public void A_result_taken_in_the_app_keeps_its_version_its_score_and_the_choices_ticked()
    {
        var test = FiveQuestions();
        var ticks = Ticks(test, 1, 2, 3, 4);
        var user = Guid.NewGuid();
        var result = TrainingTestResult.Taken(test, user, null, ticks, test.GradeAnswers(ticks), On, At);
        Assert.Equal((test.Id, test.SessionId, user, (int?)80, true, TestResultSource.App), (result.TestId, result.SessionId, result.UserId!.Value, result.Score, result.Passed, result.Source));
        Assert.Equal(ticks.ToHashSet(), result.ChosenChoices());
    }

    [Fact]
    public void An_imported_result_is_passed_by_the_pass_mark_or_as_given_and_both_must_agree()
    {
        var test = FiveQuestions();
        var staff = Guid.NewGuid();
        Assert.True(TrainingTestResult.Imported(test, null, staff, 85, null, On, At).Result!.Passed);
        Assert.False(TrainingTestResult.Imported(test, null, staff, 79, null, On, At).Result!.Passed);
        var paper = TrainingTestResult.Imported(test, null, staff, null, true, On, At).Result!;
        Assert.Equal((null, true, TestResultSource.Imported, staff), (paper.Score, paper.Passed, paper.Source, paper.StaffMemberId!.Value));
        Assert.Equal(TrainingTestResult.ImportProblem.Contradicts, TrainingTestResult.Imported(test, null, staff, 50, true, On, At).Problem);
        Assert.Equal(TrainingTestResult.ImportProblem.NoScoreOrPassed, TrainingTestResult.Imported(test, null, staff, null, null, On, At).Problem);
    }
}
