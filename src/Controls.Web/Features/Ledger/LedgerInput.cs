using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Ledger;

/// <summary>The fields of a ledger entry on the create and edit pages (and the values of one imported row).</summary>
public class LedgerInput
{
    public const int TextLength = 2000;
    public const int NameLength = 200;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NameLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Ledger.Field.Department")]
    public Guid? DepartmentId { get; set; }

    [StringLength(NameLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.Kind")]
    public string? Kind { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.DataItems")]
    public string? DataItems { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.Purpose")]
    public string? Purpose { get; set; }

    [StringLength(NameLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.ResponsiblePerson")]
    public string? ResponsiblePerson { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.AccessibleBy")]
    public string? AccessibleBy { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.StorageLocation")]
    public string? StorageLocation { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.StorageMethod")]
    public string? StorageMethod { get; set; }

    [Display(Name = "Ledger.Field.Medium")]
    public LedgerMedium Medium { get; set; } = LedgerMedium.Electronic;

    [Display(Name = "Ledger.Field.Countries")]
    public List<string> Countries { get; set; } = [];

    [Display(Name = "Ledger.Field.People")]
    public PeopleRange People { get; set; }

    [Display(Name = "Ledger.Field.SpecialCareData")]
    public bool SpecialCareData { get; set; }

    [Display(Name = "Ledger.Field.EncryptedAtRest")]
    public bool EncryptedAtRest { get; set; }

    [Display(Name = "Ledger.Field.RetainedPersonalData")]
    public bool RetainedPersonalData { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.AcquisitionMethod")]
    public string? AcquisitionMethod { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.PurposeNotification")]
    public string? PurposeNotification { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.Consent")]
    public string? Consent { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.ThirdPartyProvision")]
    public string? ThirdPartyProvision { get; set; }

    [Display(Name = "Ledger.Field.Contractors")]
    public List<string> ContractorIds { get; set; } = [];

    /// <summary>The chosen contractors' ids (blank values ignored; a value that is not an id makes the list invalid, see <see cref="LedgerForm"/>).</summary>
    public List<Guid>? ContractorGuids
    {
        get
        {
            var values = ContractorIds.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            var ids = values.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).ToList();
            return ids.Any(id => id is null) ? null : ids.Select(id => id!.Value).Distinct().ToList();
        }
    }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.Subcontractors")]
    public string? Subcontractors { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.RetentionPeriod")]
    public string? RetentionPeriod { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Ledger.Field.DisposalMethod")]
    public string? DisposalMethod { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Ledger.Field.LastReviewedOn")]
    public DateOnly? LastReviewedOn { get; set; }

    public List<string> CountryCodes => Domain.Countries.Parse(Countries);

    public static LedgerInput From(LedgerEntry e) => new()
    {
        Name = e.Name,
        DepartmentId = e.DepartmentId,
        Kind = e.Kind,
        DataItems = e.DataItems,
        Purpose = e.Purpose,
        ResponsiblePerson = e.ResponsiblePerson,
        AccessibleBy = e.AccessibleBy,
        StorageLocation = e.StorageLocation,
        StorageMethod = e.StorageMethod,
        Medium = e.Medium,
        Countries = [.. e.Countries],
        People = e.People,
        SpecialCareData = e.SpecialCareData,
        EncryptedAtRest = e.EncryptedAtRest,
        RetainedPersonalData = e.RetainedPersonalData,
        AcquisitionMethod = e.AcquisitionMethod,
        PurposeNotification = e.PurposeNotification,
        Consent = e.Consent,
        ThirdPartyProvision = e.ThirdPartyProvision,
        ContractorIds = [.. e.ContractorIds.Select(id => id.ToString())],
        Subcontractors = e.Subcontractors,
        RetentionPeriod = e.RetentionPeriod,
        DisposalMethod = e.DisposalMethod,
        LastReviewedOn = e.LastReviewedOn,
    };

    public void ApplyTo(LedgerEntry e)
    {
        e.Name = Name.Trim();
        e.DepartmentId = DepartmentId!.Value;
        e.Kind = Kind?.Trim() ?? "";
        e.DataItems = DataItems?.Trim() ?? "";
        e.Purpose = Purpose?.Trim() ?? "";
        e.ResponsiblePerson = ResponsiblePerson?.Trim() ?? "";
        e.AccessibleBy = AccessibleBy?.Trim() ?? "";
        e.StorageLocation = StorageLocation?.Trim() ?? "";
        e.StorageMethod = StorageMethod?.Trim() ?? "";
        e.Medium = Medium;
        e.Countries = CountryCodes;
        e.People = People;
        e.SpecialCareData = SpecialCareData;
        e.EncryptedAtRest = EncryptedAtRest;
        e.RetainedPersonalData = RetainedPersonalData;
        e.AcquisitionMethod = AcquisitionMethod?.Trim() ?? "";
        e.PurposeNotification = PurposeNotification?.Trim() ?? "";
        e.Consent = Consent?.Trim() ?? "";
        e.ThirdPartyProvision = ThirdPartyProvision?.Trim() ?? "";
        e.ContractorIds = ContractorGuids ?? [];
        e.Subcontractors = Subcontractors?.Trim() ?? "";
        e.RetentionPeriod = RetentionPeriod?.Trim() ?? "";
        e.DisposalMethod = DisposalMethod?.Trim() ?? "";
        e.LastReviewedOn = LastReviewedOn;
    }
}
