using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Actions;

/// <summary>
/// Corrective and improvement actions (是正処置・改善計画) with status, owner, due date and an
/// overdue flag; the owner or the department head moves them forward (Open → Planned →
/// Implemented). Any signed-in user: department heads and delegates see their department's,
/// everyone sees the actions they own, those who see all departments see all.
/// </summary>
public class IndexModel(AppDbContext db, UpdateActionStatus update, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool SeesAll { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public Guid? FailedActionId { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public sealed record Row(
        Guid Id, CorrectiveActionSource Source, string Action, Guid DepartmentId, string DepartmentJa, string DepartmentEn,
        Guid OwnerId, string Owner, DateOnly DueOn, CorrectiveActionStatus Status, Guid? InspectionId, string? ItemCode, uint Version)
    {
        public bool IsOverdue(DateOnly today) => today > DueOn && Status is not (CorrectiveActionStatus.Implemented or CorrectiveActionStatus.Verified);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUpdateStatusAsync([FromForm] Guid actionId, [FromForm] string? status, [FromForm] string? version, CancellationToken cancellationToken)
    {
        var result = await update.UpdateAsync(User, actionId, status, uint.TryParse(version, out var v) ? v : uint.MaxValue, cancellationToken);
        switch (result.Outcome)
        {
            case InspectionChange.Done:
                TempData["Message"] = l["Actions.StatusUpdated"].Value;
                return RedirectToPage(RouteFor(PageNumber));
            case InspectionChange.NotFound:
                return NotFound();
            case InspectionChange.Forbidden:
                return Forbid();
        }

        FailedActionId = actionId;
        Errors = result.Errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public bool MayUpdate(Row row) => UpdateActionStatus.MayUpdate(User, row.OwnerId, row.DepartmentId) && UpdateActionStatus.NextSteps(row.Status).Count > 0;

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["Show"] = Show ?? "",
        ["Department"] = Department?.ToString() ?? "",
        ["Overdue"] = Overdue ? "true" : "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        SeesAll = InspectionAccess.SeesAllDepartments(User);
        Show = Show is "all" ? "all" : "open";
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var today = Today;
        var query = (await update.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (SeesAll)
        {
            var language = Languages.Current;
            Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                    .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.Code + " " + (language == Languages.English ? d.NameEn : d.NameJa))).ToList();
            if (Department is { } department)
            {
                query = query.Where(a => a.DepartmentId == department);
            }
        }

        if (Show == "open")
        {
            query = query.Where(a => a.Status != CorrectiveActionStatus.Implemented && a.Status != CorrectiveActionStatus.Verified);
        }

        if (Overdue)
        {
            query = query.Where(a => a.DueOn < today && a.Status != CorrectiveActionStatus.Implemented && a.Status != CorrectiveActionStatus.Verified);
        }

        var rows = await query.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new Row(
                a.Id, a.Source, a.Action, a.DepartmentId, a.Department.NameJa, a.Department.NameEn, a.OwnerId, a.Owner.DisplayName,
                a.DueOn, a.Status, a.InspectionId,
                db.CheckItems.Where(c => c.Id == a.CheckItemId).Select(c => c.Code).FirstOrDefault(),
                a.Version))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
