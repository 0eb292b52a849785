using Controls.Web.Domain;

namespace Controls.Tests.ManagementReviews;

/// <summary>The management review's rules, on the entities: dates that fit, numbered outputs, one action per output, what counts as open.</summary>
public class ManagementReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static List<string> Problems(string heldOn, string start, string end) =>
        ManagementReview.CheckDates(DateOnly.Parse(heldOn), DateOnly.Parse(start), DateOnly.Parse(end), Today).Select(p => p.Problem).ToList();

    [Fact]
    public void A_review_of_the_year_just_ended_held_after_it_has_nothing_wrong() =>
        Assert.Empty(Problems("2026-05-20", "2025-04-01", "2026-03-31"));

    [Theory]
    [InlineData("2026-05-20", "2026-04-01", "2025-03-31", "ManagementReviews.PeriodEndBeforeStart")]
    [InlineData("2026-05-20", "2023-04-01", "2026-03-31", "ManagementReviews.PeriodTooLong")]
    [InlineData("2025-03-01", "2025-04-01", "2026-03-31", "ManagementReviews.HeldBeforePeriod")]
    [InlineData("2028-01-10", "2026-04-01", "2027-03-31", "ManagementReviews.HeldTooFarAhead")]
    public void Dates_that_do_not_fit_are_named(string heldOn, string start, string end, string problem) =>
        Assert.Contains(problem, Problems(heldOn, start, end));

    [Fact]
    public void Outputs_are_numbered_in_the_order_they_are_recorded_and_trimmed()
    {
        var review = new ManagementReview { Id = Guid.NewGuid(), HeldOn = Today };
        var by = Guid.NewGuid();
        var first = review.AddOutput(ManagementReviewOutputKind.Instruction, "  教育を見直すこと \n", by, DateTimeOffset.UnixEpoch);
        var second = review.AddOutput(ManagementReviewOutputKind.Decision, "方針を改訂する", by, DateTimeOffset.UnixEpoch);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal("教育を見直すこと", first.Text);
        Assert.Equal(review.Id, second.ManagementReviewId);
    }

    [Fact]
    public void An_output_becomes_one_open_corrective_action_of_the_review_and_no_second()
    {
        var review = new ManagementReview { Id = Guid.NewGuid(), HeldOn = Today };
        var output = review.AddOutput(ManagementReviewOutputKind.Instruction, "委託先の実地監査を行うこと", Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var (department, owner, by) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(ManagementReviewOutput.ActionRefusal.DueBeforeReview, output.CheckAction(Today.AddDays(-1), review.HeldOn));
        Assert.Equal(ManagementReviewOutput.ActionRefusal.None, output.CheckAction(Today, review.HeldOn));
        var action = output.TurnIntoAction(department, owner, Today.AddMonths(3), by, DateTimeOffset.UnixEpoch);

        Assert.Equal((CorrectiveActionSource.ManagementReview, review.Id, department, owner, CorrectiveActionStatus.Open, "委託先の実地監査を行うこと", by),
            (action.Source, action.ManagementReviewId!.Value, action.DepartmentId, action.OwnerId, action.Status, action.Action, action.CreatedById));
        Assert.Equal(action.Id, output.CorrectiveActionId);
        Assert.Equal(ManagementReviewOutput.ActionRefusal.AlreadyHasAction, output.CheckAction(Today.AddMonths(6), review.HeldOn));
    }

    [Theory]
    [InlineData(ManagementReviewOutputKind.Instruction, null, true)]
    [InlineData(ManagementReviewOutputKind.ResourceNeed, null, true)]
    [InlineData(ManagementReviewOutputKind.Decision, null, false)]
    [InlineData(ManagementReviewOutputKind.Decision, CorrectiveActionStatus.Implemented, true)]
    [InlineData(ManagementReviewOutputKind.Instruction, CorrectiveActionStatus.Implemented, true)]
    [InlineData(ManagementReviewOutputKind.Instruction, CorrectiveActionStatus.Verified, false)]
    public void An_output_is_open_until_its_action_is_verified_a_decision_without_action_is_done_once_recorded(
        ManagementReviewOutputKind kind, CorrectiveActionStatus? status, bool open) =>
        Assert.Equal(open, ManagementReviewOutput.IsOpen(kind, status));
}
