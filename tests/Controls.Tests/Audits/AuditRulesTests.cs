using Controls.Web.Domain;

namespace Controls.Tests.Audits;

/// <summary>An audit's steps from planned to closed, on the entity.</summary>
public class AuditRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();

    private static Audit Audit(AuditStatus status) => new() { Id = Guid.NewGuid(), Status = status };

    [Fact]
    public void An_audit_goes_from_planned_through_fieldwork_and_reporting_to_closed()
    {
        var audit = Audit(AuditStatus.Planned);
        Assert.Null(audit.Schedule(Now));
        Assert.Null(audit.MoveTo(AuditStatus.InFieldwork, "", 0, Lead, Now));
        Assert.Null(audit.MoveTo(AuditStatus.Reporting, "", 0, Lead, Now));
        Assert.Null(audit.MoveTo(AuditStatus.Closed, "", 0, Lead, Now.AddDays(1)));
        Assert.Equal((AuditStatus.Closed, (DateTimeOffset?)Now.AddDays(1), (Guid?)Lead, ""), (audit.Status, audit.ClosedAt, audit.ClosedById, audit.ClosingReason));
        Assert.False(audit.IsActive);
    }

    [Fact]
    public void A_scheduled_audit_can_go_back_to_planned_and_a_report_back_to_fieldwork()
    {
        var audit = Audit(AuditStatus.Scheduled);
        Assert.Null(audit.MoveTo(AuditStatus.Planned, "", 0, Lead, Now));
        var reporting = Audit(AuditStatus.Reporting);
        Assert.Null(reporting.MoveTo(AuditStatus.InFieldwork, "", 0, Lead, Now));
        Assert.Equal(AuditStatus.InFieldwork, reporting.Status);
    }

    [Theory]
    [InlineData(AuditStatus.Planned)]
    [InlineData(AuditStatus.Scheduled)]
    [InlineData(AuditStatus.InFieldwork)]
    public void An_audit_is_cancelled_before_its_report(AuditStatus status)
    {
        var audit = Audit(status);
        Assert.Null(audit.MoveTo(AuditStatus.Cancelled, "", 0, Lead, Now));
        Assert.Equal(AuditStatus.Cancelled, audit.Status);
    }

    [Theory]
    [InlineData(AuditStatus.Planned, AuditStatus.InFieldwork)]
    [InlineData(AuditStatus.Planned, AuditStatus.Closed)]
    [InlineData(AuditStatus.InFieldwork, AuditStatus.Closed)]
    [InlineData(AuditStatus.Reporting, AuditStatus.Cancelled)]
    [InlineData(AuditStatus.Closed, AuditStatus.InFieldwork)]
    [InlineData(AuditStatus.Cancelled, AuditStatus.Planned)]
    [InlineData(AuditStatus.Scheduled, AuditStatus.Scheduled)]
    public void An_audit_takes_no_step_out_of_order_and_a_closed_or_cancelled_one_none_at_all(AuditStatus from, AuditStatus to)
    {
        var audit = Audit(from);
        Assert.Equal("Audits.StepNotAllowed", audit.MoveTo(to, "", 0, Lead, Now));
        Assert.Equal(from, audit.Status);
    }

    [Fact]
    public void A_closed_audit_cannot_be_scheduled_again() =>
        Assert.Equal("Audits.StepNotAllowed", Audit(AuditStatus.Closed).Schedule(Now));

    [Fact]
    public void An_audit_with_open_major_nonconformities_closes_only_with_a_reason()
    {
        var audit = Audit(AuditStatus.Reporting);
        Assert.Equal("Audits.ClosingReasonRequired", audit.MoveTo(AuditStatus.Closed, "", 1, Lead, Now));
        Assert.Equal((AuditStatus.Reporting, (DateTimeOffset?)null), (audit.Status, audit.ClosedAt));
        Assert.Null(audit.MoveTo(AuditStatus.Closed, "是正は次回監査で確認する", 1, Lead, Now));
        Assert.Equal((AuditStatus.Closed, "是正は次回監査で確認する"), (audit.Status, audit.ClosingReason));
    }

    [Fact]
    public void The_closing_reason_is_at_most_4000_characters()
    {
        var audit = Audit(AuditStatus.Reporting);
        Assert.Equal("Validation.MaxLength", audit.MoveTo(AuditStatus.Closed, new string('あ', Web.Domain.Audit.ReasonLength + 1), 0, Lead, Now));
        Assert.Equal(AuditStatus.Reporting, audit.Status);
    }
}
