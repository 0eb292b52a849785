using Controls.Web.Domain;

namespace Controls.Tests.Audits;

/// <summary>The audit programme's approval rules, on the entity.</summary>
public class AuditProgrammeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Executive = Guid.NewGuid();

    private static AuditProgramme Programme(params AuditStatus[] audits) => new()
    {
        Id = Guid.NewGuid(),
        FiscalYear = 2026,
        Status = AuditProgrammeStatus.Draft,
        Audits = audits.Select(s => new Audit { Id = Guid.NewGuid(), Status = s, CreatedById = Lead }).ToList(),
    };

    [Fact]
    public void A_draft_with_audits_is_submitted_by_its_preparer_and_approved_by_someone_else_once()
    {
        var programme = Programme(AuditStatus.Planned);
        Assert.Null(programme.Submit(Lead, Now));
        Assert.True(programme.IsSubmitted);
        Assert.Equal("AuditProgramme.AlreadySubmitted", programme.Submit(Lead, Now));
        Assert.Equal("AuditProgramme.PreparerCannotApprove", programme.Approve(Lead, Now));
        Assert.Null(programme.Approve(Executive, Now.AddHours(1)));
        Assert.Equal((AuditProgrammeStatus.Approved, (Guid?)Executive, (DateTimeOffset?)Now.AddHours(1)), (programme.Status, programme.ApprovedById, programme.ApprovedAt));
        Assert.Equal("AuditProgramme.AlreadyApproved", programme.Approve(Guid.NewGuid(), Now.AddHours(2)));
        Assert.Equal(Executive, programme.ApprovedById);
    }

    [Fact]
    public void An_empty_programme_is_neither_submitted_nor_approved()
    {
        var programme = Programme();
        Assert.Equal("AuditProgramme.NoAudits", programme.Submit(Lead, Now));
        Assert.Equal("AuditProgramme.NoAudits", programme.Approve(Executive, Now));
        Assert.Equal(AuditProgrammeStatus.Draft, programme.Status);
        Assert.Null(programme.ApprovedAt);
    }

    [Fact]
    public void A_new_audit_or_reopening_sends_an_approved_programme_back_to_draft_and_it_closes_once_every_audit_is_done()
    {
        var programme = Programme(AuditStatus.Closed, AuditStatus.InFieldwork);
        Assert.Equal("AuditProgramme.NotApproved", programme.Close());
        Assert.Null(programme.Approve(Executive, Now));
        programme.AuditAdded();
        Assert.Equal((AuditProgrammeStatus.Draft, (Guid?)null), (programme.Status, programme.ApprovedById));
        Assert.Null(programme.Approve(Executive, Now));
        Assert.Equal("AuditProgramme.AuditsStillActive", programme.Close());
        programme.Audits[1].Status = AuditStatus.Cancelled;
        Assert.Null(programme.Close());
        Assert.Equal(AuditProgrammeStatus.Closed, programme.Status);
        Assert.Equal("AuditProgramme.NotApproved", programme.Reopen());
        Assert.Equal("AuditProgramme.NotDraft", programme.Approve(Executive, Now));
    }
}
