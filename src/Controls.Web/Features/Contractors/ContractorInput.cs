using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Contractors;

/// <summary>The fields of a contractor on the create and edit pages (the checks across fields and against the database are in <see cref="ContractorForm"/>).</summary>
public class ContractorInput
{
    public const int TextLength = 2000;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contractors.Field.Name")]
    public string Name { get; set; } = "";

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contractors.Field.Services")]
    public string? Services { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contractors.Field.EntrustedData")]
    public string? EntrustedData { get; set; }

    [Required(ErrorMessage = "Contractors.DepartmentRequired")]
    [Display(Name = "Contractors.Field.OwningDepartment")]
    public Guid? OwningDepartmentId { get; set; }

    /// <summary>Country codes: the multi-select's values, each of which may also be a comma-separated list.</summary>
    [Display(Name = "Contractors.Field.Countries")]
    public List<string> Countries { get; set; } = [];

    [Display(Name = "Contractors.Field.HandlesSpecialCareData")]
    public bool HandlesSpecialCareData { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Contractors.Field.PrivacyMarkExpiresOn")]
    public DateOnly? PrivacyMarkExpiresOn { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Contractors.Field.IsmsExpiresOn")]
    public DateOnly? IsmsExpiresOn { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Contractors.Field.ContractStartsOn")]
    public DateOnly? ContractStartsOn { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Contractors.Field.ContractEndsOn")]
    public DateOnly? ContractEndsOn { get; set; }

    [Display(Name = "Contractors.Field.ReoutsourcingAllowed")]
    public bool ReoutsourcingAllowed { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contractors.Field.Subcontractors")]
    public string? Subcontractors { get; set; }

    [Display(Name = "Contractors.Field.Status")]
    public ContractorStatus Status { get; set; } = ContractorStatus.Active;

    public List<string> CountryCodes => Domain.Countries.Parse(Countries);

    public static ContractorInput From(Contractor c) => new()
    {
        Name = c.Name,
        Services = c.Services,
        EntrustedData = c.EntrustedData,
        OwningDepartmentId = c.OwningDepartmentId,
        Countries = [.. c.Countries],
        HandlesSpecialCareData = c.HandlesSpecialCareData,
        PrivacyMarkExpiresOn = c.PrivacyMarkExpiresOn,
        IsmsExpiresOn = c.IsmsExpiresOn,
        ContractStartsOn = c.ContractStartsOn,
        ContractEndsOn = c.ContractEndsOn,
        ReoutsourcingAllowed = c.ReoutsourcingAllowed,
        Subcontractors = c.Subcontractors,
        Status = c.Status,
    };

    /// <summary>Copies the (validated) fields onto the contractor; subcontractors are cleared when re-outsourcing is not allowed.</summary>
    public void ApplyTo(Contractor c)
    {
        c.Name = Name.Trim();
        c.Services = (Services ?? "").Trim();
        c.EntrustedData = (EntrustedData ?? "").Trim();
        c.OwningDepartmentId = OwningDepartmentId!.Value;
        c.Countries = CountryCodes;
        c.HandlesSpecialCareData = HandlesSpecialCareData;
        c.PrivacyMarkExpiresOn = PrivacyMarkExpiresOn;
        c.IsmsExpiresOn = IsmsExpiresOn;
        c.ContractStartsOn = ContractStartsOn;
        c.ContractEndsOn = ContractEndsOn;
        c.ReoutsourcingAllowed = ReoutsourcingAllowed;
        c.Subcontractors = ReoutsourcingAllowed ? (Subcontractors ?? "").Trim() : "";
        c.Status = Status;
    }
}
