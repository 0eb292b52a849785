using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Shared;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>Record a data subject's request (a department head for their own department only); the due date defaults to receipt plus the organisation's response period.</summary>
public class CreateModel(AppDbContext db, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
    : RecordCreateModel<DataSubjectRequest, RequestInput>(db, l)
{
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> LedgerEntries { get; private set; } = [];
    public int ResponseDays => clock.Settings.RequestResponseDays;

    protected override bool CanCreate() => RequestAccess.CanCreate(User);

    protected override void FillDefaults()
    {
        Input.DepartmentId = RequestAccess.OwnDepartment(User);
        Input.ReceivedOn = DateOnly.FromDateTime(clock.Now.DateTime);
    }

    protected override Task CheckAsync() =>
        RequestForm.CheckAsync(Db, L, ModelState, User, Input, null, ResponseDays, DateOnly.FromDateTime(clock.Now.DateTime));

    protected override async Task ShowAsync()
    {
        var own = RequestAccess.OwnDepartment(User);
        Departments = await RecordForm.DepartmentChoices(Db, own, null);
        LedgerEntries = await RecordForm.LedgerChoices(Db, own);
    }

    protected override DataSubjectRequest Create()
    {
        var request = new DataSubjectRequest
        {
            Id = Guid.NewGuid(),
            Status = DataSubjectRequestStatus.Received,
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(User)!.Value,
        };
        Input.ApplyTo(request, ResponseDays);
        return request;
    }

    protected override string CreatedMessage(DataSubjectRequest request) => L["Requests.Created", request.Reference].Value;

    protected override IActionResult Saved(DataSubjectRequest request) => RedirectToPage("Details", new { id = request.Id });
}
