using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
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
public class IndexModel(AppDbContext db, InspectionAccess access, UpdateActionStatus update, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool SeesAll { get; private set; }
    /// <summary>Sees several departments (all, or a division head's): the list filters by department.</summary>
    public bool ShowsDepartments { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public Guid? FailedActionId { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public sealed record Row(
        Guid Id, CorrectiveActionSource Source, string Action, Guid DepartmentId, string DepartmentJa, string DepartmentEn,
        Guid OwnerId, string Owner, DateOnly DueOn, CorrectiveActionStatus Status, Guid? InspectionId, string? ItemCode, uint Version,
        Guid? ManagementReviewId = null)
    {
        public bool IsOverdue(DateOnly today) => CorrectiveAction.IsOverdue(Status, DueOn, today);
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

    public bool MayUpdate(Row row) => UpdateActionStatus.MayUpdate(User, row.OwnerId, row.DepartmentId) && CorrectiveAction.NextSteps(row.Status).Count > 0;

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["Show"] = Show ?? "",
        ["Department"] = Department?.ToString() ?? "",
        ["Overdue"] = Overdue ? "true" : "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>CSV or Excel of every action the current filters show (all pages).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var en = Languages.Current == Languages.English;
        var statuses = Enum.GetValues<CorrectiveActionStatus>().ToDictionary(s => s, s => l["ActionStatus." + s].Value);
        var today = Today;
        var rows = query.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Department.Code,
                a.Department.NameJa,
                a.Department.NameEn,
                a.Source,
                a.Action,
                a.RootCause,
                Owner = a.Owner.DisplayName,
                a.DueOn,
                a.Status,
                a.CreatedAt,
                a.ImplementedAt,
                a.VerifiedAt,
                Item = db.CheckItems.Where(c => c.Id == a.CheckItemId).Select(c => c.Code).FirstOrDefault(),
            })
            .AsAsyncEnumerable()
            .Select(a => new object?[]
            {
                a.Code, en ? a.NameEn : a.NameJa, l["ActionSource." + a.Source].Value, a.Item, a.Action, a.RootCause, a.Owner, a.DueOn, statuses[a.Status],
                CorrectiveAction.IsOverdue(a.Status, a.DueOn, today),
                ListExport.Local(clock, a.CreatedAt), ListExport.Local(clock, a.ImplementedAt), ListExport.Local(clock, a.VerifiedAt),
            });
        XlsxColumn[] columns =
        [
            new(l["Export.DepartmentCode"], 10), new(l["Workbook.Department"], 22), new(l["Export.Source"], 12), new(l["Workbook.ItemId"], 10),
            new(l["Workbook.Action"], 40), new(l["Export.RootCause"], 30), new(l["Field.Owner"], 18), new(l["Field.DueOn"], 12, XlsxKind.Date),
            new(l["Field.Status"], 12), new(l["Workbook.OverdueFlag"], 10), new(l["Export.CreatedAt"], 17, XlsxKind.DateTime),
            new(l["Export.ImplementedAt"], 17, XlsxKind.DateTime), new(l["Export.VerifiedAt"], 17, XlsxKind.DateTime),
        ];
        return await ListExport.WriteAsync(this, format, "actions", l["Nav.Actions"], columns, rows, clock, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var rows = await query.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new Row(
                a.Id, a.Source, a.Action, a.DepartmentId, a.Department.NameJa, a.Department.NameEn, a.OwnerId, a.Owner.DisplayName,
                a.DueOn, a.Status, a.InspectionId,
                db.CheckItems.Where(c => c.Id == a.CheckItemId).Select(c => c.Code).FirstOrDefault(),
                a.Version, a.ManagementReviewId))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>The actions this user may see, narrowed by the page's filters.</summary>
    private async Task<IQueryable<CorrectiveAction>> FilteredAsync(CancellationToken cancellationToken)
    {
        SeesAll = DepartmentScope.SeesAllDepartments(User);
        Show = Show is "all" ? "all" : "open";
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var today = Today;
        var query = (await update.VisibleAsync(User, cancellationToken)).AsNoTracking();
        var departments = await access.DepartmentsAsync(User, cancellationToken);
        ShowsDepartments = departments.Several;
        if (ShowsDepartments)
        {
            Departments = await DepartmentTree.FilterChoicesAsync(db, departments.All ? null : departments.Ids, cancellationToken);
            if (Department is { } department)
            {
                query = query.Where(a => a.DepartmentId == department);
            }
        }

        if (Show == "open")
        {
            query = query.WhereOpen();
        }

        if (Overdue)
        {
            query = query.WhereOverdue(today);
        }

        return query;
    }
}
