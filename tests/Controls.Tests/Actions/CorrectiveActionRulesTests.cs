using Controls.Web.Domain;

namespace Controls.Tests.Actions;

/// <summary>A corrective or improvement action's steps (its owner's, then the effectiveness check), on the entity.</summary>
public class CorrectiveActionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Auditor = Guid.NewGuid();

    private static CorrectiveAction Action(CorrectiveActionStatus status) => new() { Id = Guid.NewGuid(), Status = status };

    [Fact]
    public void The_owner_plans_then_implements_an_open_action_and_the_day_it_was_implemented_is_kept()
    {
        var action = Action(CorrectiveActionStatus.Open);
        Assert.Null(action.MoveTo(CorrectiveActionStatus.Planned, Now));
        Assert.Null(action.ImplementedAt);
        Assert.Null(action.MoveTo(CorrectiveActionStatus.Implemented, Now.AddDays(3)));
        Assert.Equal((CorrectiveActionStatus.Implemented, (DateTimeOffset?)Now.AddDays(3)), (action.Status, action.ImplementedAt));
    }

    [Fact]
    public void An_open_or_reopened_action_may_be_implemented_at_once()
    {
        Assert.Equal([CorrectiveActionStatus.Planned, CorrectiveActionStatus.Implemented], CorrectiveAction.NextSteps(CorrectiveActionStatus.Open));
        Assert.Equal([CorrectiveActionStatus.Planned, CorrectiveActionStatus.Implemented], CorrectiveAction.NextSteps(CorrectiveActionStatus.Reopened));
        Assert.Equal([CorrectiveActionStatus.Implemented], CorrectiveAction.NextSteps(CorrectiveActionStatus.Planned));
    }

    [Theory]
    [InlineData(CorrectiveActionStatus.Implemented, CorrectiveActionStatus.Verified)]
    [InlineData(CorrectiveActionStatus.Implemented, CorrectiveActionStatus.Planned)]
    [InlineData(CorrectiveActionStatus.Verified, CorrectiveActionStatus.Implemented)]
    [InlineData(CorrectiveActionStatus.Planned, CorrectiveActionStatus.Open)]
    [InlineData(CorrectiveActionStatus.Open, CorrectiveActionStatus.Verified)]
    public void The_owner_cannot_verify_an_action_nor_step_back(CorrectiveActionStatus from, CorrectiveActionStatus to)
    {
        var action = Action(from);
        Assert.Equal("Actions.StepNotAllowed", action.MoveTo(to, Now));
        Assert.Equal(from, action.Status);
    }

    [Fact]
    public void An_implemented_action_found_effective_is_verified_by_the_checker()
    {
        var action = Action(CorrectiveActionStatus.Implemented);
        Assert.Null(action.CheckEffectiveness(true, "再発なし", Auditor, Now));
        Assert.Equal((CorrectiveActionStatus.Verified, (DateTimeOffset?)Now, (Guid?)Auditor, "再発なし"), (action.Status, action.VerifiedAt, action.VerifiedById, action.EffectivenessNote));
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void An_implemented_action_found_not_effective_is_reopened_for_its_owner()
    {
        var action = Action(CorrectiveActionStatus.Implemented);
        Assert.Null(action.CheckEffectiveness(false, "同じ誤送信が再発", Auditor, Now));
        Assert.Equal((CorrectiveActionStatus.Reopened, (DateTimeOffset?)null, "同じ誤送信が再発"), (action.Status, action.VerifiedAt, action.EffectivenessNote));
        Assert.Equal([CorrectiveActionStatus.Planned, CorrectiveActionStatus.Implemented], CorrectiveAction.NextSteps(action.Status));
    }

    [Theory]
    [InlineData(CorrectiveActionStatus.Open)]
    [InlineData(CorrectiveActionStatus.Planned)]
    [InlineData(CorrectiveActionStatus.Reopened)]
    [InlineData(CorrectiveActionStatus.Verified)]
    public void Only_an_implemented_action_has_its_effectiveness_checked(CorrectiveActionStatus status)
    {
        var action = Action(status);
        Assert.Equal("Audits.NotImplementedYet", action.CheckEffectiveness(true, "確認", Auditor, Now));
        Assert.Equal(status, action.Status);
    }

    [Fact]
    public void The_check_needs_a_note_of_at_most_4000_characters()
    {
        var action = Action(CorrectiveActionStatus.Implemented);
        Assert.Equal("Validation.Required", action.CheckEffectiveness(true, "", Auditor, Now));
        Assert.Equal("Validation.MaxLength", action.CheckEffectiveness(true, new string('あ', CorrectiveAction.NoteLength + 1), Auditor, Now));
        Assert.Equal((CorrectiveActionStatus.Implemented, ""), (action.Status, action.EffectivenessNote));
        Assert.Null(action.CheckEffectiveness(true, new string('あ', CorrectiveAction.NoteLength), Auditor, Now));
    }
}
