using Controls.Web.Domain;

namespace Controls.Tests.Inspections;

/// <summary>An inspection's steps (answer, submit, accept, return) and what makes an item complete, on the entities.</summary>
public class InspectionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Item = Guid.NewGuid();
    private static readonly Guid OtherItem = Guid.NewGuid();

    private static Inspection Inspection(InspectionStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Status = status,
        Answers =
        [
            new Answer { Id = Guid.NewGuid(), CheckItemId = Item, Value = AnswerValue.Partial, Comment = "記録漏れ", ReviewComment = "前回のコメント" },
            new Answer { Id = Guid.NewGuid(), CheckItemId = OtherItem, Value = AnswerValue.Yes, ReviewComment = "残るコメント" },
        ],
    };

    private static Inspection Submitted()
    {
        var inspection = Inspection(InspectionStatus.InProgress);
        Assert.Empty(inspection.Submit(0, true, Head, "部門長", Now));
        return inspection;
    }

    [Fact]
    public void The_first_answer_starts_a_not_started_inspection_and_changes_nothing_later()
    {
        var inspection = Inspection(InspectionStatus.NotStarted);
        inspection.StartAnswering();
        Assert.Equal(InspectionStatus.InProgress, inspection.Status);

        var returned = Inspection(InspectionStatus.Returned);
        returned.StartAnswering();
        Assert.Equal(InspectionStatus.Returned, returned.Status);
    }

    [Fact]
    public void A_complete_signed_off_inspection_is_submitted_by_the_head_and_the_step_enters_its_history()
    {
        var inspection = Inspection(InspectionStatus.InProgress);
        Assert.Empty(inspection.Submit(0, true, Head, "部門長", Now));
        Assert.Equal((InspectionStatus.Submitted, (DateTimeOffset?)Now, (Guid?)Head), (inspection.Status, inspection.SubmittedAt, inspection.SubmittedById));
        Assert.False(inspection.IsOpen);
        Assert.True(inspection.AwaitsReview);
        var step = Assert.Single(inspection.Events);
        Assert.Equal((InspectionEventKind.Submitted, Now, (Guid?)Head, "部門長"), (step.Kind, step.At, step.UserId, step.Actor));
    }

    [Fact]
    public void A_submitted_inspection_cannot_be_submitted_again()
    {
        var inspection = Submitted();
        Assert.Equal(["Inspections.Locked"], inspection.Submit(0, true, Head, "部門長", Now.AddHours(1)));
        Assert.Equal(Now, inspection.SubmittedAt);
        Assert.Single(inspection.Events);
    }

    [Theory]
    [InlineData(InspectionStatus.Submitted)]
    [InlineData(InspectionStatus.Accepted)]
    public void Only_an_open_inspection_is_submitted(InspectionStatus status) =>
        Assert.Equal(["Inspections.Locked"], Inspection(status).Submit(0, true, Head, "部門長", Now));

    [Fact]
    public void An_incomplete_or_unsigned_inspection_is_refused_with_both_reasons_and_stays_open()
    {
        var inspection = Inspection(InspectionStatus.Returned);
        Assert.Equal(["Submit.Incomplete", "Submit.SignOffRequired"], inspection.Submit(2, false, Head, "部門長", Now));
        Assert.Equal(["Submit.SignOffRequired"], inspection.Submit(0, false, Head, "部門長", Now));
        Assert.Equal(["Submit.Incomplete"], inspection.Submit(1, true, Head, "部門長", Now));
        Assert.Equal(InspectionStatus.Returned, inspection.Status);
        Assert.Null(inspection.SubmittedAt);
        Assert.Empty(inspection.Events);
    }

    [Fact]
    public void A_submitted_inspection_is_accepted_once_with_the_reviewers_comment()
    {
        var inspection = Submitted();
        Assert.Null(inspection.Accept(Officer, "遵守責任者", "確認しました", Now.AddDays(1)));
        Assert.Equal((InspectionStatus.Accepted, (DateTimeOffset?)Now.AddDays(1), (Guid?)Officer), (inspection.Status, inspection.ReviewedAt, inspection.ReviewedById));
        Assert.Equal((InspectionEventKind.Accepted, "確認しました"), (inspection.Events[^1].Kind, inspection.Events[^1].Comment));
        Assert.Equal("Review.NotAwaitingReview", inspection.Accept(Officer, "遵守責任者", "", Now.AddDays(2)));
        Assert.Equal("Review.NotAwaitingReview", inspection.Return("やり直し", new Dictionary<Guid, string>(), Officer, "遵守責任者", Now.AddDays(2)));
        Assert.Equal(2, inspection.Events.Count);
    }

    [Theory]
    [InlineData(InspectionStatus.NotStarted)]
    [InlineData(InspectionStatus.InProgress)]
    [InlineData(InspectionStatus.Returned)]
    public void An_inspection_not_handed_in_is_neither_accepted_nor_returned(InspectionStatus status)
    {
        var inspection = Inspection(status);
        Assert.Equal("Review.NotAwaitingReview", inspection.Accept(Officer, "遵守責任者", "", Now));
        Assert.Equal("Review.NotAwaitingReview", inspection.Return("理由", new Dictionary<Guid, string>(), Officer, "遵守責任者", Now));
        Assert.Equal(status, inspection.Status);
    }

    [Fact]
    public void A_returned_inspection_is_open_again_with_the_comments_on_the_items_concerned()
    {
        var inspection = Submitted();
        Assert.Null(inspection.Return("記録を添付してください", new Dictionary<Guid, string> { [Item] = "件数を記載" }, Officer, "遵守責任者", Now.AddDays(1)));
        Assert.Equal(InspectionStatus.Returned, inspection.Status);
        Assert.True(inspection.IsOpen);
        Assert.Equal("件数を記載", inspection.Answers.Single(a => a.CheckItemId == Item).ReviewComment);
        Assert.Equal("残るコメント", inspection.Answers.Single(a => a.CheckItemId == OtherItem).ReviewComment);
        Assert.Equal((InspectionEventKind.Returned, "記録を添付してください"), (inspection.Events[^1].Kind, inspection.Events[^1].Comment));
    }

    [Fact]
    public void An_empty_item_comment_clears_the_earlier_one()
    {
        var inspection = Submitted();
        Assert.Null(inspection.Return("全体コメント", new Dictionary<Guid, string> { [Item] = "" }, Officer, "遵守責任者", Now));
        Assert.Equal("", inspection.Answers.Single(a => a.CheckItemId == Item).ReviewComment);
    }

    [Fact]
    public void An_inspection_is_not_returned_without_a_single_comment()
    {
        var inspection = Submitted();
        Assert.Equal("Review.ReturnNeedsComment", inspection.Return("", new Dictionary<Guid, string> { [Item] = "" }, Officer, "遵守責任者", Now));
        Assert.Equal(InspectionStatus.Submitted, inspection.Status);
        Assert.Equal("前回のコメント", inspection.Answers.Single(a => a.CheckItemId == Item).ReviewComment);
        Assert.Single(inspection.Events);
    }

    [Fact]
    public void An_unanswered_item_needs_its_answer_and_nothing_else()
    {
        Assert.Equal([AnswerGap.Unanswered], Answer.GapsOf(null, "", false));
    }

    [Theory]
    [InlineData(AnswerValue.Yes, "", false)]
    [InlineData(AnswerValue.Yes, "", true)]
    [InlineData(AnswerValue.NotApplicable, "対象業務なし", false)]
    [InlineData(AnswerValue.Partial, "一部未実施", true)]
    [InlineData(AnswerValue.No, "未実施", true)]
    public void An_item_is_complete_with_its_comment_and_its_improvement_action_where_they_are_needed(AnswerValue value, string comment, bool hasAction) =>
        Assert.Empty(Answer.GapsOf(value, comment, hasAction));

    [Fact]
    public void Partial_and_no_need_a_comment_and_an_improvement_action_not_applicable_a_comment_only()
    {
        Assert.Equal([AnswerGap.CommentMissing, AnswerGap.ActionMissing], Answer.GapsOf(AnswerValue.Partial, "  ", false));
        Assert.Equal([AnswerGap.ActionMissing], Answer.GapsOf(AnswerValue.No, "未実施", false));
        Assert.Equal([AnswerGap.CommentMissing], Answer.GapsOf(AnswerValue.NotApplicable, null, false));
        Assert.True(Answer.NeedsComment(AnswerValue.NotApplicable));
        Assert.False(Answer.NeedsComment(AnswerValue.Yes));
        Assert.False(Answer.NeedsAction(AnswerValue.NotApplicable));
        Assert.False(Answer.NeedsAction(null));
    }

    [Theory]
    [InlineData("Yes", AnswerValue.Yes)]
    [InlineData("NotApplicable", AnswerValue.NotApplicable)]
    [InlineData("yes", null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_the_exact_names_are_answers(string? text, AnswerValue? value) => Assert.Equal(value, Answer.ParseValue(text));

    [Fact]
    public void Saving_the_same_answer_again_keeps_who_gave_it_and_when()
    {
        var answer = new Answer();
        answer.Give(AnswerValue.No, "未実施", Head, Now);
        answer.Give(AnswerValue.No, "未実施", Officer, Now.AddHours(1));
        Assert.Equal((AnswerValue.No, "未実施", (Guid?)Head, (DateTimeOffset?)Now), (answer.Value, answer.Comment, answer.AnsweredById, answer.AnsweredAt));
        answer.Give(AnswerValue.Yes, "", Officer, Now.AddHours(2));
        Assert.Equal((AnswerValue.Yes, (Guid?)Officer, (DateTimeOffset?)Now.AddHours(2)), (answer.Value, answer.AnsweredById, answer.AnsweredAt));
    }
}
