using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// Adds an employee to the staff roster (a join) or changes one: department, e-mail address, and
/// the leaving date (a leave: the member stays on the roster with their history and is not counted
/// after that day). Compliance officers and administrators.
/// </summary>
public class RosterMemberModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }

    public bool IsNew { get; private set; } = true;
    public List<SelectListItem> Departments { get; private set; } = [];

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(StaffMember.EmployeeNumberLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Roster.EmployeeNumber")]
        public string? EmployeeNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(StaffMember.NameLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Roster.Name")]
        public string? Name { get; set; }

        [StringLength(StaffMember.EmailLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Roster.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Roster.Department")]
        public Guid? DepartmentId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Roster.JoinedOn")]
        public DateOnly? JoinedOn { get; set; }

        [Display(Name = "Roster.LeftOn")]
        public DateOnly? LeftOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is { } memberId)
        {
            var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId);
            if (member is null)
            {
                return NotFound();
            }

            IsNew = false;
            Version = member.Version;
            Input = new MemberInput
            {
                EmployeeNumber = member.EmployeeNumber,
                Name = member.Name,
                Email = member.Email,
                DepartmentId = member.DepartmentId,
                JoinedOn = member.JoinedOn,
                LeftOn = member.LeftOn,
            };
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        StaffMember? member = null;
        if (id is { } memberId)
        {
            member = await db.StaffMembers.SingleOrDefaultAsync(m => m.Id == memberId);
            if (member is null)
            {
                return NotFound();
            }

            IsNew = false;
        }

        var number = Input.EmployeeNumber?.Trim() ?? "";
        var name = Input.Name?.Trim() ?? "";
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        if (ModelState.IsValid)
        {
            if (StaffMember.Problem(number, name, email, Input.JoinedOn!.Value, Input.LeftOn) is { } problem)
            {
                var field = problem switch
                {
                    "Roster.Problem.EmployeeNumber" => "Input.EmployeeNumber",
                    "Roster.Problem.Name" => "Input.Name",
                    "Roster.Problem.Email" => "Input.Email",
                    _ => "Input.LeftOn",
                };
                ModelState.AddModelError(field, problem == "Roster.Problem.Email" ? l[problem + "Value", email ?? ""] : l[problem]);
            }

            if (!await db.Departments.AnyAsync(d => d.Id == Input.DepartmentId && d.RetiredAt == null))
            {
                ModelState.AddModelError("Input.DepartmentId", l["Roster.Problem.Department"]);
            }

            var currentId = member?.Id;
            if (await db.StaffMembers.AnyAsync(m => m.EmployeeNumber == number && m.Id != currentId))
            {
                ModelState.AddModelError("Input.EmployeeNumber", l["Roster.Problem.NumberTaken", number]);
            }

            var normalized = StaffMember.Normalize(email);
            if (normalized is not null && await db.StaffMembers.AnyAsync(m => m.NormalizedEmail == normalized && m.Id != currentId))
            {
                ModelState.AddModelError("Input.Email", l["Roster.Problem.EmailTaken", email!]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var now = time.GetUtcNow();
        if (member is null)
        {
            member = new StaffMember { Id = Guid.NewGuid(), CreatedAt = now };
            db.StaffMembers.Add(member);
        }
        else
        {
            db.Entry(member).Property(m => m.Version).OriginalValue = Version;
        }

        member.EmployeeNumber = number;
        member.Name = name;
        member.Email = email;
        member.NormalizedEmail = StaffMember.Normalize(email);
        member.DepartmentId = Input.DepartmentId!.Value;
        member.JoinedOn = Input.JoinedOn!.Value;
        member.LeftOn = Input.LeftOn;
        member.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            await LoadAsync();
            return Page();
        }
        catch (DbUpdateException)
        {
            // Another request took the number or address in the meantime (the unique indexes).
            ModelState.AddModelError("", l["Roster.Problem.Taken"]);
            await LoadAsync();
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Roster", new { department = member.DepartmentId });
    }

    private async Task LoadAsync()
    {
        var language = Languages.Current;
        Departments = await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null || d.Id == Input.DepartmentId).OrderBy(d => d.Code)
            .Select(d => new SelectListItem(d.Code + " " + (language == "en" ? d.NameEn : d.NameJa), d.Id.ToString()))
            .ToListAsync();
    }
}
