using System.ComponentModel.DataAnnotations;

namespace Controls.Web.Features.Audits;

/// <summary>The fields of an audit on the create and edit pages (cross-field and database checks in <see cref="SaveAudit"/>).</summary>
public class AuditInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Audits.Field.Title")]
    public string Title { get; set; } = "";

    /// <summary>The catalog whose latest version is pinned when the audit is created (not changed afterwards).</summary>
    [Display(Name = "Audits.Field.Catalog")]
    public Guid? CatalogId { get; set; }

    [Display(Name = "Audits.Field.Departments")]
    public List<Guid> DepartmentIds { get; set; } = [];

    [Display(Name = "Audits.Field.Contractors")]
    public List<Guid> ContractorIds { get; set; } = [];

    /// <summary>Measure codes separated by commas or spaces; empty means every measure.</summary>
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Audits.Field.MeasureCodes")]
    public string? MeasureCodes { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Date)]
    [Display(Name = "Audits.Field.WindowStart")]
    public DateOnly? WindowStart { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Date)]
    [Display(Name = "Audits.Field.WindowEnd")]
    public DateOnly? WindowEnd { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Audits.Field.LeadAuditor")]
    public Guid? LeadAuditorId { get; set; }

    [Display(Name = "Audits.Field.Team")]
    public List<Guid> TeamIds { get; set; } = [];

    public static List<string> SplitCodes(string? codes) =>
        (codes ?? "").Split([',', ' ', '\n', '\r', '\t', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
}
