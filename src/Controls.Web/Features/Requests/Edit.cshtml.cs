using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>
/// Change the facts of a request and its due date (an extension beyond the response period needs a
/// reason), whatever its status: a closed request's typo may be corrected here, its handling steps
/// are on its page (Details). Another department's answers 404 to a department head, one below
/// theirs 403 (they read it only); concurrent edits are detected by the row version and the
/// current values shown.
/// </summary>
public class EditModel(AppDbContext db, RequestAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l)
    : RecordEditModel<DataSubjectRequest, RequestInput>(db, l)
{
    public string CurrentReference { get; private set; } = "";
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];
    public int ResponseDays => clock.Settings.RequestResponseDays;

    protected override Task<IQueryable<DataSubjectRequest>> VisibleAsync() => access.VisibleAsync(User);

    protected override bool CanEdit(DataSubjectRequest request) => RequestAccess.CanEdit(User, request.DepartmentId);

    protected override RequestInput ToInput(DataSubjectRequest request) => RequestInput.From(request);

    /// <summary>The form's checks, and a due date: on this page it is shown and kept, not left to the response period.</summary>
    protected override Task CheckAsync(DataSubjectRequest request)
    {
        if (Input.DueOn is null)
        {
            ModelState.AddModelError("Input.DueOn", L["Validation.Required", L["Requests.Field.DueOn"]]);
        }

        return RequestForm.CheckAsync(Db, L, ModelState, User, Input, request.DepartmentId, ResponseDays, DateOnly.FromDateTime(clock.Now.DateTime));
    }

    protected override void Apply(DataSubjectRequest request) => Input.ApplyTo(request, ResponseDays);

    protected override IActionResult Saved(Guid id) => RedirectToPage("Details", new { id });

    protected override async Task ShowAsync(DataSubjectRequest request)
    {
        CurrentReference = request.Reference;
        var own = RequestAccess.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, request.DepartmentId);
        LedgerEntries = await RecordForm.LedgerChoices(Db, own);
    }
}
