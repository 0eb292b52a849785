using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// Confidentiality pledges (誓約書) on file, newest first; a compliance officer records one per
/// person and date: a member of the staff roster in service on the signing date, or an app user who
/// is not on the roster. Filtered by department (the roster member's, or the user's) and exported
/// (CSV, Excel) exactly as filtered.
/// </summary>
public class PledgesModel(AppDbContext db, TrainingPeople people, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PledgeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];
    public List<(Guid Id, string Name)> DepartmentChoices { get; private set; } = [];

    public sealed record Row(string EmployeeNumber, string Name, string Email, string Department, DateOnly SignedOn);

    public sealed class PledgeInput
    {
        /// <summary>"staff:{id}" (a roster member) or "user:{id}" (an app user off the roster).</summary>
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Training.Person")]
        public string? Person { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Training.SignedOn")]
        public DateOnly? SignedOn { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>CSV or Excel of the pledges the filter shows, in the list's order and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        XlsxColumn[] columns =
        [
            new(l["Roster.EmployeeNumber"], 12), new(l["Training.Person"], 20), new(l["Training.Email"], 30),
            new(l["Field.Department"], 24), new(l["Training.SignedOn"], 12, XlsxKind.Date),
        ];
        var rows = (await FilteredAsync(cancellationToken)).Select(r => new object?[] { r.EmployeeNumber, r.Name, r.Email, r.Department, r.SignedOn }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "pledges", l["Training.Pledges"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The pledges on file, narrowed by the department filter, newest first (the page and its export).</summary>
    private async Task<List<Row>> FilteredAsync(CancellationToken cancellationToken = default)
    {
        var language = Languages.Current;
        var query = db.ConfidentialityPledges.AsNoTracking();
        if (Department is { } department)
        {
            query = query.Where(p => p.StaffMember != null ? p.StaffMember.DepartmentId == department : p.User!.DepartmentId == department);
        }

        return (await query
            .Select(p => p.StaffMember != null
                ? new Row(p.StaffMember.EmployeeNumber, p.StaffMember.Name, p.StaffMember.Email ?? "",
                    p.StaffMember.Department.Code + " " + (language == "en" ? p.StaffMember.Department.NameEn : p.StaffMember.Department.NameJa), p.SignedOn)
                : new Row("", p.User!.DisplayName, p.User.Email ?? "",
                    p.User.Department == null ? "" : p.User.Department.Code + " " + (language == "en" ? p.User.Department.NameEn : p.User.Department.NameJa), p.SignedOn))
            .ToListAsync(cancellationToken))
            .OrderByDescending(r => r.SignedOn).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid? staffMemberId = null, userId = null;
        if (Input.Person is { } person)
        {
            var parts = person.Split(':');
            var known = false;
            if (parts.Length == 2 && Guid.TryParse(parts[1], out var id))
            {
                if (parts[0] == "staff" && await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id) is { } member)
                {
                    known = true;
                    staffMemberId = id;
                    if (Input.SignedOn is { } signedOn && !member.InServiceOn(signedOn))
                    {
                        ModelState.AddModelError("Input.SignedOn", l["Training.PledgeNotInService", member.Name]);
                    }
                }
                else if (parts[0] == "user" && await people.UsersOffRoster().AnyAsync(u => u.Id == id && u.IsActive))
                {
                    known = true;
                    userId = id;
                }
            }

            if (!known)
            {
                ModelState.AddModelError("Input.Person", l["Training.UnknownPerson"]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.ConfidentialityPledges.Add(new ConfidentialityPledge
        {
            Id = Guid.NewGuid(),
            StaffMemberId = staffMemberId,
            UserId = userId,
            SignedOn = Input.SignedOn!.Value,
            RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Rows = await FilteredAsync();
        DepartmentChoices = await DepartmentTree.FilterChoicesAsync(db);
        // Roster members who have not left (a pledge may be dated before today), then app users off the roster.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var members = await db.StaffMembers.AsNoTracking().Where(m => m.LeftOn == null || m.LeftOn >= today)
            .OrderBy(m => m.EmployeeNumber).Select(m => new { m.Id, m.EmployeeNumber, m.Name }).ToListAsync();
        var users = await people.UsersOffRoster().AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        var roster = new SelectListGroup { Name = l["Roster.Title"] };
        var accounts = new SelectListGroup { Name = l["Roster.AppUsers"] };
        People = members.Select(m => new SelectListItem($"{m.EmployeeNumber} {m.Name}", TrainingPeople.KeyOf(m.Id, null)) { Group = roster })
            .Concat(users.Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", TrainingPeople.KeyOf(null, u.Id)) { Group = accounts }))
            .ToList();
    }
}
