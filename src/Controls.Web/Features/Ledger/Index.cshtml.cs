using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Controls.Web.Features.Ledger;

/// <summary>The personal-data ledger (個人データ取扱台帳), with entries overdue for their annual review marked; exported as Excel. A department head sees their department's only.</summary>
public class IndexModel(LedgerAccess access, LedgerWorkbook workbook, OrganisationClock clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);

    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, Guid DepartmentId, string Department, string Name, string Kind, LedgerMedium Medium, List<string> Countries,
        PeopleRange People, bool SpecialCareData, DateOnly? LastReviewedOn, bool CanEdit);

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        SeesAll = InspectionAccess.SeesAllDepartments(User);
        CanCreate = LedgerAccess.CanCreate(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var yearAgo = Today.AddYears(-1);
        var query = (await access.VisibleAsync(User)).AsNoTracking();
        if (OverdueOnly)
        {
            query = query.Where(e => e.LastReviewedOn == null || e.LastReviewedOn < yearAgo);
        }

        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var rows = await query.OrderBy(e => e.Department.Code).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Skip(skip).Take(take)
            .Select(e => new
            {
                e.Id,
                e.DepartmentId,
                Department = e.Department.Code + " " + (language == "en" ? e.Department.NameEn : e.Department.NameJa),
                e.Name,
                e.Kind,
                e.Medium,
                e.Countries,
                e.People,
                e.SpecialCareData,
                e.LastReviewedOn,
            })
            .ToListAsync();
        Paging = new(PageNumber, rows.Count > PageSize);
        Rows = rows.Take(PageSize).Select(r => new Row(r.Id, r.DepartmentId, r.Department, r.Name, r.Kind, r.Medium, r.Countries, r.People, r.SpecialCareData,
            r.LastReviewedOn, LedgerAccess.CanEdit(User, r.DepartmentId))).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"ledger-{clock.Now:yyyyMMdd}.xlsx",
        }.ToString();
        await workbook.ExportAsync(User, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
