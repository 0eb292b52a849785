using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>Record a data subject's request (a department head for their own department only); the due date defaults to receipt plus the organisation's response period.</summary>
public class CreateModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];
    public int ResponseDays => clock.Settings.RequestResponseDays;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!RequestAccess.CanCreate(User))
        {
            return Forbid();
        }

        Input.DepartmentId = RequestAccess.OwnDepartment(User);
        Input.ReceivedOn = DateOnly.FromDateTime(clock.Now.DateTime);
        await LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!RequestAccess.CanCreate(User))
        {
            return Forbid();
        }

        await RequestForm.CheckAsync(db, l, ModelState, User, Input, null, ResponseDays, DateOnly.FromDateTime(clock.Now.DateTime));
        if (!ModelState.IsValid)
        {
            await LoadChoices();
            return Page();
        }

        var request = new DataSubjectRequest
        {
            Id = Guid.NewGuid(),
            Status = DataSubjectRequestStatus.Received,
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User)!.Value,
        };
        Input.ApplyTo(request, ResponseDays);
        db.DataSubjectRequests.Add(request);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Requests.Created", request.Reference].Value;
        return RedirectToPage("Details", new { id = request.Id });
    }

    private async Task LoadChoices()
    {
        Departments = await RequestForm.DepartmentChoices(db, User, null);
        LedgerEntries = await RequestForm.LedgerChoices(db, User);
    }
}
