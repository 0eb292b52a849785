using Controls.Web.Domain;

namespace Controls.Tests.Requests;

/// <summary>
/// The rules of a data subject's request: received → in progress → answered / refused / withdrawn;
/// no answer before the identity is verified, a refusal needs its reason, dates between receipt and
/// today, a fee only where the law allows one, and a due date beyond the response period only with a reason.
/// </summary>
public class DataSubjectRequestTests
{
    private static readonly DateOnly Received = new(2027, 5, 10);
    private static readonly DateOnly Today = new(2027, 5, 20);

    private static DataSubjectRequest Request(DataSubjectRequestKind kind = DataSubjectRequestKind.Disclosure) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Reference = "R-1",
        ReceivedOn = Received,
        DueOn = DataSubjectRequest.DefaultDueOn(Received, 14),
        Status = DataSubjectRequestStatus.Received,
    };

    private static DataSubjectRequest Verified(DataSubjectRequestKind kind = DataSubjectRequestKind.Disclosure)
    {
        var request = Request(kind);
        Assert.Empty(request.VerifyIdentity(Received.AddDays(1), "運転免許証の写し", Today));
        return request;
    }

    [Fact]
    public void The_due_date_is_receipt_plus_the_response_period() =>
        Assert.Equal(new DateOnly(2027, 5, 24), DataSubjectRequest.DefaultDueOn(Received, 14));

    [Fact]
    public void Starting_moves_a_received_request_to_in_progress_once()
    {
        var request = Request();
        Assert.Empty(request.Start());
        Assert.Equal(DataSubjectRequestStatus.InProgress, request.Status);
        Assert.Equal([new RequestError("Status", RequestProblem.AlreadyStarted)], request.Start());
    }

    [Fact]
    public void An_answer_before_the_identity_is_verified_is_refused_and_changes_nothing()
    {
        var request = Request();
        var errors = request.Answer(Today, "開示した", "簡易書留", null, Today);
        Assert.Contains(new RequestError("IdentityVerifiedOn", RequestProblem.IdentityNotVerified), errors);
        Assert.Equal(DataSubjectRequestStatus.Received, request.Status);
        Assert.Null(request.ClosedOn);
        Assert.Equal("", request.Response);
    }

    [Fact]
    public void Verifying_the_identity_starts_the_work_and_then_the_answer_closes_it_with_its_date_response_method_and_fee()
    {
        var request = Verified();
        Assert.Equal(DataSubjectRequestStatus.InProgress, request.Status);
        Assert.Empty(request.Answer(Today, " 購入履歴を開示した ", "簡易書留", 1000, Today));
        Assert.Equal(DataSubjectRequestStatus.Answered, request.Status);
        Assert.Equal(Today, request.ClosedOn);
        Assert.Equal("購入履歴を開示した", request.Response);
        Assert.Equal("簡易書留", request.ResponseMethod);
        Assert.Equal(1000, request.Fee);
        Assert.False(request.IsOpen);
    }

    [Fact]
    public void An_answer_needs_what_was_sent_and_how_and_a_date_after_the_identity_check()
    {
        var request = Verified();
        var errors = request.Answer(Received, " ", "", null, Today);
        Assert.Contains(new RequestError("ClosedOn", RequestProblem.BeforeIdentityVerified), errors);
        Assert.Contains(new RequestError("Response", RequestProblem.Required), errors);
        Assert.Contains(new RequestError("ResponseMethod", RequestProblem.Required), errors);
        Assert.Equal(DataSubjectRequestStatus.InProgress, request.Status);
    }

    [Theory]
    [InlineData(DataSubjectRequestKind.Correction, 500, RequestProblem.FeeNotCharged)]
    [InlineData(DataSubjectRequestKind.CeaseUse, 1, RequestProblem.FeeNotCharged)]
    [InlineData(DataSubjectRequestKind.Disclosure, -1, RequestProblem.FeeOutOfRange)]
    [InlineData(DataSubjectRequestKind.PurposeNotification, 2_000_000, RequestProblem.FeeOutOfRange)]
    public void A_fee_is_charged_only_for_notification_of_purpose_and_disclosure_and_within_range(DataSubjectRequestKind kind, int fee, RequestProblem problem)
    {
        var request = Verified(kind);
        Assert.Equal([new RequestError("Fee", problem)], request.Answer(Today, "回答した", "電子メール", fee, Today));
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_how_the_person_was_told_but_not_the_identity_check()
    {
        var request = Request();
        var errors = request.Refuse(Today, "", false, "", "", Today);
        Assert.Contains(new RequestError("RefusalReason", RequestProblem.Required), errors);
        Assert.Contains(new RequestError("ResponseMethod", RequestProblem.Required), errors);
        Assert.True(request.IsOpen);

        Assert.Empty(request.Refuse(Today, "本人確認ができなかった", true, "", "簡易書留", Today));
        Assert.Equal(DataSubjectRequestStatus.Refused, request.Status);
        Assert.True(request.PartlyRefused);
        Assert.Equal("本人確認ができなかった", request.RefusalReason);
        Assert.Equal(Today, request.ClosedOn);
    }

    [Fact]
    public void A_closed_request_takes_no_further_step()
    {
        var request = Request();
        Assert.Empty(request.Withdraw(Today, "電話で取下げ", Today));
        Assert.Equal(DataSubjectRequestStatus.Withdrawn, request.Status);
        var closed = new RequestError("Status", RequestProblem.Closed);
        Assert.Equal([closed], request.Start());
        Assert.Equal([closed], request.VerifyIdentity(Today, "免許証", Today));
        Assert.Equal([closed], request.Answer(Today, "回答", "郵送", null, Today));
        Assert.Equal([closed], request.Refuse(Today, "理由", false, "", "郵送", Today));
        Assert.Equal([closed], request.Withdraw(Today, "", Today));
        Assert.Equal(DataSubjectRequestStatus.Withdrawn, request.Status);
    }

    [Fact]
    public void Step_dates_lie_between_receipt_and_today()
    {
        var request = Request();
        Assert.Equal([new RequestError("IdentityVerifiedOn", RequestProblem.BeforeReceived)], request.VerifyIdentity(Received.AddDays(-1), "免許証", Today));
        Assert.Equal([new RequestError("IdentityVerifiedOn", RequestProblem.InFuture)], request.VerifyIdentity(Today.AddDays(1), "免許証", Today));
        Assert.Equal([new RequestError("IdentityMethod", RequestProblem.Required)], request.VerifyIdentity(Today, " ", Today));
        Assert.Equal([new RequestError("ClosedOn", RequestProblem.InFuture)], request.Withdraw(Today.AddDays(1), "", Today));
        Assert.Null(request.IdentityVerifiedOn);
        Assert.Equal(DataSubjectRequestStatus.Received, request.Status);
    }

    [Fact]
    public void A_request_is_overdue_when_still_open_after_its_due_date()
    {
        var due = DataSubjectRequest.DefaultDueOn(Received, 14);
        Assert.False(DataSubjectRequest.IsOverdue(DataSubjectRequestStatus.InProgress, due, due));
        Assert.True(DataSubjectRequest.IsOverdue(DataSubjectRequestStatus.InProgress, due, due.AddDays(1)));
        Assert.True(DataSubjectRequest.IsOverdue(DataSubjectRequestStatus.Received, due, due.AddDays(1)));
        Assert.False(DataSubjectRequest.IsOverdue(DataSubjectRequestStatus.Answered, due, due.AddDays(1)));
        Assert.False(DataSubjectRequest.IsOverdue(DataSubjectRequestStatus.Withdrawn, due, due.AddDays(30)));
    }

    [Fact]
    public void A_due_date_beyond_the_response_period_needs_a_reason_and_none_is_before_receipt()
    {
        Assert.Empty(DataSubjectRequest.CheckDates(Received, Received.AddDays(14), "", 14, Today));
        Assert.Equal([new RequestError("ExtensionReason", RequestProblem.ExtensionNeedsReason)], DataSubjectRequest.CheckDates(Received, Received.AddDays(15), " ", 14, Today));
        Assert.Empty(DataSubjectRequest.CheckDates(Received, Received.AddDays(30), "開示対象が大量のため", 14, Today));
        Assert.Equal([new RequestError("DueOn", RequestProblem.DueBeforeReceived)], DataSubjectRequest.CheckDates(Received, Received.AddDays(-1), "", 14, Today));
        Assert.Equal([new RequestError("ReceivedOn", RequestProblem.InFuture)], DataSubjectRequest.CheckDates(Today.AddDays(1), Today.AddDays(2), "", 14, Today));
        Assert.Equal([new RequestError("ReceivedOn", RequestProblem.InFuture)], DataSubjectRequest.CheckDates(DateOnly.MaxValue, DateOnly.MaxValue, "", 14, Today));
        Assert.Equal([new RequestError("DueOn", RequestProblem.DueTooFar)], DataSubjectRequest.CheckDates(Received, DateOnly.MaxValue, "理由", 14, Today));
    }
}
