using System.ComponentModel.DataAnnotations;

namespace Controls.Web.Features.Catalog;

/// <summary>The fields of one check item on the in-app editing forms.</summary>
public sealed class ItemInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.QuestionJa")]
    public string QuestionJa { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.QuestionEn")]
    public string QuestionEn { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.GuidanceJa")]
    public string GuidanceJa { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.GuidanceEn")]
    public string GuidanceEn { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.EvidenceJa")]
    public string EvidenceJa { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.EvidenceEn")]
    public string EvidenceEn { get; set; } = "";
    [Display(Name = "Catalog.SmallBusiness")]
    public bool SmallBusiness { get; set; }
    [StringLength(CatalogParser.MaxClauseLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Catalog.Clause")]
    public string? Clause { get; set; }

    public CatalogCheckItem ToItem(string id) => new(id,
        new LocalizedText(QuestionJa.Trim(), QuestionEn.Trim()),
        new LocalizedText(GuidanceJa.Trim(), GuidanceEn.Trim()),
        new LocalizedText(EvidenceJa.Trim(), EvidenceEn.Trim()),
        SmallBusiness,
        Clause?.Trim() ?? "");

    public static ItemInput From(CatalogCheckItem item) => new()
    {
        QuestionJa = item.Question.Ja,
        QuestionEn = item.Question.En,
        GuidanceJa = item.Guidance.Ja,
        GuidanceEn = item.Guidance.En,
        EvidenceJa = item.Evidence.Ja,
        EvidenceEn = item.Evidence.En,
        SmallBusiness = item.SmallBusiness,
        Clause = item.Clause,
    };
}
