using System.ComponentModel.DataAnnotations;

namespace Controls.Web.Features.Admin.Departments;

public class DepartmentInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_-]*$", ErrorMessage = "Departments.CodeFormat")]
    [Display(Name = "Field.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameJa")]
    public string NameJa { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NameEn")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Field.Parent")]
    public Guid? ParentId { get; set; }

    [Display(Name = "Field.Head")]
    public Guid? HeadUserId { get; set; }
}
