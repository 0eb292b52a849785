using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Users;

/// <summary>Create a user with department, roles and an initial password. Administrators only.</summary>
public class CreateModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.InitialPassword")]
    public string Password { get; set; } = "";

    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task OnGetAsync() => Departments = await UserForm.DepartmentChoices(db, null);

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.RetiredAt == null))
        {
            ModelState.AddModelError("Input.DepartmentId", l["Validation.UnknownDepartment"]);
        }

        if (!ModelState.IsValid)
        {
            Departments = await UserForm.DepartmentChoices(db, Input.DepartmentId);
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(),
            DepartmentId = Input.DepartmentId,
            PreferredLanguage = Input.Language,
            CreatedAt = time.GetUtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded && Input.Roles.Count > 0)
        {
            result = await users.AddToRolesAsync(user, Input.Roles.Distinct());
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            Departments = await UserForm.DepartmentChoices(db, Input.DepartmentId);
            return Page();
        }

        await transaction.CommitAsync();
        TempData["Message"] = l["Users.Created", user.Email].Value;
        return RedirectToPage("Index");
    }
}
