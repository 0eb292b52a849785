namespace Controls.Web.Domain;

/// <summary>What the person asks for about their retained personal data (保有個人データ), APPI Arts. 32–35.</summary>
public enum DataSubjectRequestKind
{
    /// <summary>利用目的の通知 (Art. 32).</summary>
    PurposeNotification,
    /// <summary>開示, including the records of third-party provision (第三者提供記録の開示) (Art. 33).</summary>
    Disclosure,
    /// <summary>訂正・追加・削除 (Art. 34).</summary>
    Correction,
    /// <summary>利用停止・消去 (Art. 35 (1)).</summary>
    CeaseUse,
    /// <summary>第三者提供の停止 (Art. 35 (3)).</summary>
    StopThirdPartyProvision,
    /// <summary>同意の撤回.</summary>
    ConsentWithdrawal,
}

/// <summary>Where the request came in (窓口).</summary>
public enum RequestChannel
{
    Email,
    Phone,
    Web,
    InPerson,
    Letter,
}

/// <summary>Who asked: the person (本人) or an agent (代理人: a legal representative or someone the person appointed).</summary>
public enum RequesterKind
{
    Principal,
    Agent,
}

/// <summary>受付 → 対応中 → 回答済み / 不開示 (一部不開示) / 取下げ.</summary>
public enum DataSubjectRequestStatus
{
    Received,
    InProgress,
    Answered,
    Refused,
    Withdrawn,
}

/// <summary>Why a request refused a step (nothing is changed when it does).</summary>
public enum RequestProblem
{
    /// <summary>The request is closed (answered, refused or withdrawn).</summary>
    Closed,
    /// <summary>Work has already started.</summary>
    AlreadyStarted,
    /// <summary>An answer before the person's identity was verified.</summary>
    IdentityNotVerified,
    Required,
    /// <summary>A date before the request was received.</summary>
    BeforeReceived,
    /// <summary>A date after today.</summary>
    InFuture,
    /// <summary>An answer dated before the identity check.</summary>
    BeforeIdentityVerified,
    /// <summary>A fee on a request for which none may be charged (Art. 38: notification of purpose and disclosure only).</summary>
    FeeNotCharged,
    /// <summary>A negative fee, or an impossible one.</summary>
    FeeOutOfRange,
    /// <summary>A due date before the request was received.</summary>
    DueBeforeReceived,
    /// <summary>A due date later than the organisation's response period without a reason.</summary>
    ExtensionNeedsReason,
    /// <summary>A due date more than a year after receipt.</summary>
    DueTooFar,
}

/// <summary>One refusal: the field it concerns and why.</summary>
public sealed record RequestError(string Field, RequestProblem Problem);

/// <summary>
/// A data subject's request about their retained personal data (開示等の請求等): notification of the
/// purpose, disclosure, correction, ceasing use, stopping third-party provision, or withdrawal of
/// consent, with its handling from receipt to the answer — the record PrivacyMark audits ask for.
/// By design it holds no more personal data than needed: the person is named by the organisation's
/// reference (受付番号), never by name. The law says "without delay" (遅滞なく), no number of days:
/// the organisation sets its response period (organisation settings), and the due date is the
/// receipt plus that period unless extended with a reason. The steps are methods with guards that
/// return what is wrong (and change nothing then).
/// </summary>
public class DataSubjectRequest : IVersionedRecord
{
    public const int ReferenceLength = 50;
    public const int ShortLength = 200;
    public const int TextLength = 2000;
    public const int MaxFee = 1_000_000;

    public Guid Id { get; set; }
    public DataSubjectRequestKind Kind { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public RequestChannel Channel { get; set; }
    public RequesterKind RequesterKind { get; set; }
    /// <summary>The organisation's reference for the request (受付番号/管理番号): never the person's name.</summary>
    public string Reference { get; set; } = "";
    /// <summary>What is asked for, in short, without the person's details.</summary>
    public string Summary { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    /// <summary>The ledger's data set concerned, if known.</summary>
    public Guid? LedgerEntryId { get; set; }
    public LedgerEntry? LedgerEntry { get; set; }
    /// <summary>The day the person's (or agent's) identity was verified (本人確認); null until then.</summary>
    public DateOnly? IdentityVerifiedOn { get; set; }
    /// <summary>How: e.g. a copy of a driving licence, the registered e-mail address, a power of attorney for an agent.</summary>
    public string IdentityMethod { get; set; } = "";
    public DateOnly DueOn { get; set; }
    /// <summary>Why the due date is later than the organisation's response period allows.</summary>
    public string ExtensionReason { get; set; } = "";
    public DataSubjectRequestStatus Status { get; set; }
    /// <summary>The day it was answered, refused or withdrawn.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>What was answered (回答内容), or what was told with a refusal or noted with a withdrawal.</summary>
    public string Response { get; set; } = "";
    /// <summary>How the answer was sent (e-mail, registered post …).</summary>
    public string ResponseMethod { get; set; } = "";
    /// <summary>Why it was refused (不開示の理由), wholly or in part.</summary>
    public string RefusalReason { get; set; } = "";
    /// <summary>Refused in part only (一部不開示): the rest was answered.</summary>
    public bool PartlyRefused { get; set; }
    /// <summary>The fee charged (手数料, yen), for notification of purpose and disclosure only.</summary>
    public int? Fee { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public uint Version { get; set; }

    /// <summary>The due date by the organisation's response period.</summary>
    public static DateOnly DefaultDueOn(DateOnly receivedOn, int responseDays) => receivedOn.AddDays(responseDays);

    public static bool IsOpenStatus(DataSubjectRequestStatus status) => status is DataSubjectRequestStatus.Received or DataSubjectRequestStatus.InProgress;

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Still open after its due date.</summary>
    public static bool IsOverdue(DataSubjectRequestStatus status, DateOnly dueOn, DateOnly today) => IsOpenStatus(status) && dueOn < today;

    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueOn, today);

    /// <summary>A fee may be charged for notification of the purpose and for disclosure (APPI Art. 38).</summary>
    public static bool MayChargeFee(DataSubjectRequestKind kind) => kind is DataSubjectRequestKind.PurposeNotification or DataSubjectRequestKind.Disclosure;

    /// <summary>
    /// Checks the receipt and due dates: received not after today, due not before receipt nor more
    /// than a year after it, and a due date beyond the response period only with a reason.
    /// </summary>
    public static List<RequestError> CheckDates(DateOnly receivedOn, DateOnly dueOn, string extensionReason, int responseDays, DateOnly today)
    {
        var errors = new List<RequestError>();
        if (receivedOn > today)
        {
            errors.Add(new(nameof(ReceivedOn), RequestProblem.InFuture));
            return errors;
        }

        if (dueOn < receivedOn)
        {
            errors.Add(new(nameof(DueOn), RequestProblem.DueBeforeReceived));
        }
        else if (dueOn > receivedOn.AddYears(1))
        {
            errors.Add(new(nameof(DueOn), RequestProblem.DueTooFar));
        }
        else if (dueOn > DefaultDueOn(receivedOn, responseDays) && string.IsNullOrWhiteSpace(extensionReason))
        {
            errors.Add(new(nameof(ExtensionReason), RequestProblem.ExtensionNeedsReason));
        }

        return errors;
    }

    /// <summary>受付 → 対応中.</summary>
    public IReadOnlyList<RequestError> Start() =>
        !IsOpen ? [new(nameof(Status), RequestProblem.Closed)]
        : Status != DataSubjectRequestStatus.Received ? [new(nameof(Status), RequestProblem.AlreadyStarted)]
        : Apply(() => Status = DataSubjectRequestStatus.InProgress);

    /// <summary>Records the identity check (本人確認): its day (not before receipt, not in the future) and how. Starts the work if not started.</summary>
    public IReadOnlyList<RequestError> VerifyIdentity(DateOnly on, string method, DateOnly today)
    {
        var errors = OpenAndDated(nameof(IdentityVerifiedOn), on, today);
        if (string.IsNullOrWhiteSpace(method))
        {
            errors.Add(new(nameof(IdentityMethod), RequestProblem.Required));
        }

        return errors.Count > 0 ? errors : Apply(() =>
        {
            IdentityVerifiedOn = on;
            IdentityMethod = method.Trim();
            Status = DataSubjectRequestStatus.InProgress;
        });
    }

    /// <summary>Answers the request (回答済み): only once the identity is verified; what was sent and how are required; a fee only where one may be charged.</summary>
    public IReadOnlyList<RequestError> Answer(DateOnly on, string response, string method, int? fee, DateOnly today)
    {
        var errors = OpenAndDated(nameof(ClosedOn), on, today);
        if (IsOpen && IdentityVerifiedOn is null)
        {
            errors.Add(new(nameof(IdentityVerifiedOn), RequestProblem.IdentityNotVerified));
        }
        else if (IdentityVerifiedOn is { } checkedOn && on < checkedOn)
        {
            errors.Add(new(nameof(ClosedOn), RequestProblem.BeforeIdentityVerified));
        }

        if (string.IsNullOrWhiteSpace(response))
        {
            errors.Add(new(nameof(Response), RequestProblem.Required));
        }

        if (string.IsNullOrWhiteSpace(method))
        {
            errors.Add(new(nameof(ResponseMethod), RequestProblem.Required));
        }

        if (fee is { } yen)
        {
            if (yen is < 0 or > MaxFee)
            {
                errors.Add(new(nameof(Fee), RequestProblem.FeeOutOfRange));
            }
            else if (yen > 0 && !MayChargeFee(Kind))
            {
                errors.Add(new(nameof(Fee), RequestProblem.FeeNotCharged));
            }
        }

        return errors.Count > 0 ? errors : Apply(() =>
        {
            Status = DataSubjectRequestStatus.Answered;
            ClosedOn = on;
            Response = response.Trim();
            ResponseMethod = method.Trim();
            Fee = fee;
            PartlyRefused = false;
            RefusalReason = "";
        });
    }

    /// <summary>
    /// Refuses it, wholly or in part (不開示 / 一部不開示): the reason is required, and how the person
    /// was told (the decision must be notified too). Possible before the identity is verified: an
    /// identity that cannot be verified is itself a reason.
    /// </summary>
    public IReadOnlyList<RequestError> Refuse(DateOnly on, string reason, bool partly, string response, string method, DateOnly today)
    {
        var errors = OpenAndDated(nameof(ClosedOn), on, today);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new(nameof(RefusalReason), RequestProblem.Required));
        }

        if (string.IsNullOrWhiteSpace(method))
        {
            errors.Add(new(nameof(ResponseMethod), RequestProblem.Required));
        }

        return errors.Count > 0 ? errors : Apply(() =>
        {
            Status = DataSubjectRequestStatus.Refused;
            ClosedOn = on;
            RefusalReason = reason.Trim();
            PartlyRefused = partly;
            Response = response.Trim();
            ResponseMethod = method.Trim();
        });
    }

    /// <summary>The person withdrew the request (取下げ), on a day, with an optional note.</summary>
    public IReadOnlyList<RequestError> Withdraw(DateOnly on, string note, DateOnly today)
    {
        var errors = OpenAndDated(nameof(ClosedOn), on, today);
        return errors.Count > 0 ? errors : Apply(() =>
        {
            Status = DataSubjectRequestStatus.Withdrawn;
            ClosedOn = on;
            Response = note.Trim();
        });
    }

    private List<RequestError> OpenAndDated(string field, DateOnly on, DateOnly today)
    {
        var errors = new List<RequestError>();
        if (!IsOpen)
        {
            errors.Add(new(nameof(Status), RequestProblem.Closed));
            return errors;
        }

        if (on < ReceivedOn)
        {
            errors.Add(new(field, RequestProblem.BeforeReceived));
        }
        else if (on > today)
        {
            errors.Add(new(field, RequestProblem.InFuture));
        }

        return errors;
    }

    private static IReadOnlyList<RequestError> Apply(Action change)
    {
        change();
        return [];
    }
}

/// <summary>The request's open and overdue rules (<see cref="DataSubjectRequest.IsOpen"/>, <see cref="DataSubjectRequest.IsOverdue"/>) for queries.</summary>
public static class DataSubjectRequestQueries
{
    public static IQueryable<DataSubjectRequest> WhereOpen(this IQueryable<DataSubjectRequest> requests) =>
        requests.Where(r => r.Status == DataSubjectRequestStatus.Received || r.Status == DataSubjectRequestStatus.InProgress);

    public static IQueryable<DataSubjectRequest> WhereOverdue(this IQueryable<DataSubjectRequest> requests, DateOnly today) =>
        requests.WhereOpen().Where(r => r.DueOn < today);
}
