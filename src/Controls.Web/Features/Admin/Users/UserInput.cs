using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;

using static Controls.Web.Infrastructure.Localization.ValidationText;

namespace Controls.Web.Features.Admin.Users;

/// <summary>The fields an administrator sets on a user, on both the create and the edit page.</summary>
public class UserInput : IValidatableObject
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Display(Name = "Field.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Field.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Field.Language")]
    public string Language { get; set; } = "ja";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Roles.Any(r => !Domain.Roles.All.Contains(r)))
        {
            yield return new ValidationResult(Localize(validationContext, "Validation.UnknownRole"), [nameof(Roles)]);
        }

        if (!Languages.IsSupported(Language))
        {
            yield return new ValidationResult(Localize(validationContext, "Validation.UnknownLanguage"), [nameof(Language)]);
        }

        // Everyone but an administrator works in a department (department heads answer for it).
        if (DepartmentId is null && Roles.Any(r => r != Domain.Roles.Administrator))
        {
            yield return new ValidationResult(Localize(validationContext, "Users.DepartmentRequired"), [nameof(DepartmentId)]);
        }
    }
}
