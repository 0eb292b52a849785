using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Ledger;

/// <summary>One life-cycle stage on the risk assessment page (one row per stage).</summary>
public sealed class RiskStageInput
{
    public const int TextLength = 2000;

    public LifeCycleStage Stage { get; set; }

    [Display(Name = "Risk.Field.NotApplicable")]
    public bool NotApplicable { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Risk.Field.Risk")]
    public string? Risk { get; set; }

    [Display(Name = "Risk.Field.Likelihood")]
    public int? Likelihood { get; set; }

    [Display(Name = "Risk.Field.Impact")]
    public int? Impact { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Risk.Field.Measures")]
    public string? Measures { get; set; }

    [Display(Name = "Risk.Field.CatalogMeasures")]
    public List<string> MeasureIds { get; set; } = [];

    [Display(Name = "Risk.Field.ResidualLikelihood")]
    public int? ResidualLikelihood { get; set; }

    [Display(Name = "Risk.Field.ResidualImpact")]
    public int? ResidualImpact { get; set; }

    /// <summary>The chosen measures' ids (blank values ignored); null when a value is not an id.</summary>
    public List<Guid>? MeasureGuids
    {
        get
        {
            var values = MeasureIds.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            var ids = values.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).ToList();
            return ids.Any(id => id is null) ? null : ids.Select(id => id!.Value).Distinct().ToList();
        }
    }

    public static RiskStageInput From(RiskAssessmentStage s) => new()
    {
        Stage = s.Stage,
        NotApplicable = s.NotApplicable,
        Risk = s.Risk,
        Likelihood = s.Likelihood,
        Impact = s.Impact,
        Measures = s.Measures,
        MeasureIds = [.. s.MeasureIds.Select(id => id.ToString())],
        ResidualLikelihood = s.ResidualLikelihood,
        ResidualImpact = s.ResidualImpact,
    };

    public StageAssessment ToAssessment() =>
        new(Stage, NotApplicable, Risk ?? "", Likelihood, Impact, Measures ?? "", MeasureGuids ?? [], ResidualLikelihood, ResidualImpact);
}
