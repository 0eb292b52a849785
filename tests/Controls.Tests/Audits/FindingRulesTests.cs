using Controls.Web.Domain;

namespace Controls.Tests.Audits;

/// <summary>How a finding closes, on the entity: a nonconformity with its verified action, the others directly.</summary>
public class FindingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Auditor = Guid.NewGuid();

    private static Finding Finding(FindingClass classification, CorrectiveActionStatus? action = null) => new()
    {
        Id = Guid.NewGuid(),
        Classification = classification,
        Status = FindingStatus.Open,
        CorrectiveAction = action is { } status ? new CorrectiveAction { Id = Guid.NewGuid(), Status = status } : null,
    };

    [Theory]
    [InlineData(FindingClass.Observation)]
    [InlineData(FindingClass.OpportunityForImprovement)]
    public void An_observation_or_opportunity_for_improvement_is_closed_directly(FindingClass classification)
    {
        var finding = Finding(classification);
        Assert.Null(finding.Close(Now));
        Assert.Equal((FindingStatus.Closed, (DateTimeOffset?)Now), (finding.Status, finding.ClosedAt));
    }

    [Fact]
    public void A_closed_finding_cannot_be_closed_again()
    {
        var finding = Finding(FindingClass.Observation);
        finding.Close(Now);
        Assert.Equal("Audits.NonconformityNeedsVerification", finding.Close(Now.AddDays(1)));
        Assert.Equal(Now, finding.ClosedAt);
    }

    [Theory]
    [InlineData(FindingClass.MajorNonconformity)]
    [InlineData(FindingClass.MinorNonconformity)]
    public void A_nonconformity_is_not_closed_directly(FindingClass classification)
    {
        var finding = Finding(classification, CorrectiveActionStatus.Implemented);
        Assert.Equal("Audits.NonconformityNeedsVerification", finding.Close(Now));
        Assert.Equal(FindingStatus.Open, finding.Status);
    }

    [Fact]
    public void A_nonconformity_closes_when_its_implemented_action_is_found_effective()
    {
        var finding = Finding(FindingClass.MajorNonconformity, CorrectiveActionStatus.Implemented);
        Assert.Null(finding.CheckEffectiveness(true, "再発なしを確認", Auditor, Now));
        Assert.Equal((FindingStatus.Closed, (DateTimeOffset?)Now), (finding.Status, finding.ClosedAt));
        Assert.Equal(CorrectiveActionStatus.Verified, finding.CorrectiveAction!.Status);
    }

    [Fact]
    public void A_nonconformity_whose_action_is_not_effective_stays_open_and_the_action_is_reopened()
    {
        var finding = Finding(FindingClass.MinorNonconformity, CorrectiveActionStatus.Implemented);
        Assert.Null(finding.CheckEffectiveness(false, "手順が守られていない", Auditor, Now));
        Assert.Equal((FindingStatus.Open, (DateTimeOffset?)null), (finding.Status, finding.ClosedAt));
        Assert.Equal(CorrectiveActionStatus.Reopened, finding.CorrectiveAction!.Status);
    }

    [Fact]
    public void A_nonconformity_does_not_close_before_its_action_is_implemented()
    {
        var finding = Finding(FindingClass.MajorNonconformity, CorrectiveActionStatus.Planned);
        Assert.Equal("Audits.NotImplementedYet", finding.CheckEffectiveness(true, "確認", Auditor, Now));
        Assert.Equal(FindingStatus.Open, finding.Status);
    }

    [Fact]
    public void A_finding_without_an_action_has_nothing_to_verify() =>
        Assert.Equal("Audits.NoAction", Finding(FindingClass.Observation).CheckEffectiveness(true, "確認", Auditor, Now));
}
