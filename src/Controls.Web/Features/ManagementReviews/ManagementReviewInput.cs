using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>The record of a management review on the create and edit pages.</summary>
public class ManagementReviewInput
{
    [Display(Name = "ManagementReviews.Field.Kind")]
    public ManagementReviewKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "ManagementReviews.Field.HeldOn")]
    public DateOnly? HeldOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "ManagementReviews.Field.PeriodStart")]
    public DateOnly? PeriodStart { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "ManagementReviews.Field.PeriodEnd")]
    public DateOnly? PeriodEnd { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ManagementReview.NameLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.Chair")]
    public string? Chair { get; set; }

    [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.Attendees")]
    public string? Attendees { get; set; }

    [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.Complaints")]
    public string? Complaints { get; set; }

    [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.ChangesInCircumstances")]
    public string? ChangesInCircumstances { get; set; }

    [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.OtherInputs")]
    public string? OtherInputs { get; set; }

    [StringLength(ManagementReview.TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ManagementReviews.Field.Conclusion")]
    public string? Conclusion { get; set; }

    public static ManagementReviewInput From(ManagementReview review) => new()
    {
        Kind = review.Kind,
        HeldOn = review.HeldOn,
        PeriodStart = review.PeriodStart,
        PeriodEnd = review.PeriodEnd,
        Chair = review.Chair,
        Attendees = review.Attendees,
        Complaints = review.Complaints,
        ChangesInCircumstances = review.ChangesInCircumstances,
        OtherInputs = review.OtherInputs,
        Conclusion = review.Conclusion,
    };

    /// <summary>The checks beyond the fields' attributes: a known kind and dates that fit together (the entity's rule).</summary>
    public void Check(ModelStateDictionary state, IStringLocalizer l, DateOnly today)
    {
        if (!Enum.IsDefined(Kind))
        {
            state.AddModelError("Input.Kind", l["ManagementReviews.UnknownKind"]);
        }

        if (HeldOn is { } heldOn && PeriodStart is { } start && PeriodEnd is { } end)
        {
            foreach (var (field, problem) in ManagementReview.CheckDates(heldOn, start, end, today))
            {
                state.AddModelError("Input." + field, l[problem]);
            }
        }
    }

    public void ApplyTo(ManagementReview review)
    {
        review.Kind = Kind;
        review.HeldOn = HeldOn!.Value;
        review.PeriodStart = PeriodStart!.Value;
        review.PeriodEnd = PeriodEnd!.Value;
        review.Chair = Chair!.Trim();
        review.Attendees = Attendees?.Trim() ?? "";
        review.Complaints = Complaints?.Trim() ?? "";
        review.ChangesInCircumstances = ChangesInCircumstances?.Trim() ?? "";
        review.OtherInputs = OtherInputs?.Trim() ?? "";
        review.Conclusion = Conclusion?.Trim() ?? "";
    }
}
