using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Requests;

/// <summary>The facts of a data-subject request on the create and edit pages (its handling is recorded on its page).</summary>
public class RequestInput
{
    [Display(Name = "Requests.Field.Kind")]
    public DataSubjectRequestKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Requests.Field.ReceivedOn")]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Requests.Field.Channel")]
    public RequestChannel Channel { get; set; }

    [Display(Name = "Requests.Field.RequesterKind")]
    public RequesterKind RequesterKind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(DataSubjectRequest.ReferenceLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Requests.Field.Reference")]
    public string? Reference { get; set; }

    [StringLength(DataSubjectRequest.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Requests.Field.Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Requests.Field.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Requests.Field.LedgerEntry")]
    public Guid? LedgerEntryId { get; set; }

    /// <summary>Empty on the create page: the organisation's response period gives it.</summary>
    [Display(Name = "Requests.Field.DueOn")]
    public DateOnly? DueOn { get; set; }

    [StringLength(DataSubjectRequest.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Requests.Field.ExtensionReason")]
    public string? ExtensionReason { get; set; }

    public static RequestInput From(DataSubjectRequest r) => new()
    {
        Kind = r.Kind,
        ReceivedOn = r.ReceivedOn,
        Channel = r.Channel,
        RequesterKind = r.RequesterKind,
        Reference = r.Reference,
        Summary = r.Summary,
        DepartmentId = r.DepartmentId,
        LedgerEntryId = r.LedgerEntryId,
        DueOn = r.DueOn,
        ExtensionReason = r.ExtensionReason,
    };

    /// <summary>The due date this input sets: the one given, else receipt plus the response period.</summary>
    public DateOnly DueOrDefault(int responseDays) => DueOn ?? DataSubjectRequest.DefaultDueOn(ReceivedOn!.Value, responseDays);

    /// <summary>Copies the validated fields onto the request.</summary>
    public void ApplyTo(DataSubjectRequest r, int responseDays)
    {
        r.Kind = Kind;
        r.ReceivedOn = ReceivedOn!.Value;
        r.Channel = Channel;
        r.RequesterKind = RequesterKind;
        r.Reference = Reference!.Trim();
        r.Summary = Summary?.Trim() ?? "";
        r.DepartmentId = DepartmentId!.Value;
        r.LedgerEntryId = LedgerEntryId;
        r.DueOn = DueOrDefault(responseDays);
        r.ExtensionReason = ExtensionReason?.Trim() ?? "";
    }
}
