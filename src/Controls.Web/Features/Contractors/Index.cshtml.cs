using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Contractors;

/// <summary>
/// The contractor register (委託先一覧), filtered by name, owning department, status, country, and
/// certificates or contracts that expire within 90 days. A department head sees their department's only.
/// </summary>
public class IndexModel(AppDbContext db, ContractorAccess access, OrganisationClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Current = "";
    public const string AllStatuses = "all";
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public bool CertificatesDue { get; set; }
    [BindProperty(SupportsGet = true)] public bool ContractsEnding { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);

    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(
        Guid Id, string Name, string Department, string Services, List<string> Countries,
        DateOnly? PrivacyMarkExpiresOn, DateOnly? IsmsExpiresOn, DateOnly? ContractStartsOn, DateOnly? ContractEndsOn, ContractorStatus Status);

    /// <summary>CSV or Excel of the contractors the current filters show (a department head: their department's only).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(paged: false);
        var rows = Rows.Select(c => new object?[]
        {
            c.Name, c.Department, c.Services, string.Join(", ", c.Countries), c.PrivacyMarkExpiresOn, c.IsmsExpiresOn,
            c.ContractStartsOn, c.ContractEndsOn, l["Contractors.Status." + c.Status].Value,
        }).ToAsyncEnumerable();
        List<Infrastructure.Excel.XlsxColumn> columns =
        [
            new(l["Workbook.Contractor"], 26), new(l["Workbook.Department"], 22), new(l["Workbook.Services"], 30), new(l["Workbook.Countries"], 10),
            new(l["Workbook.PrivacyMark"], 12, XlsxKind.Date), new(l["Workbook.Isms"], 12, XlsxKind.Date), new(l["Workbook.ContractStart"], 12, XlsxKind.Date),
            new(l["Workbook.ContractEnd"], 12, XlsxKind.Date), new(l["Field.Status"], 12),
        ];
        return await Infrastructure.Excel.ListExport.WriteAsync(this, format, "contractors", l["Nav.Contractors"], columns, rows, clock, cancellationToken);
    }

    public Task OnGetAsync() => LoadAsync(paged: true);

    /// <summary>The register as filtered: one page of it, or every row for the export.</summary>
    private async Task LoadAsync(bool paged)
    {
        var language = Languages.Current;
        SeesAll = DepartmentScope.SeesAllDepartments(User);
        CanCreate = ContractorAccess.CanCreate(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (SeesAll)
        {
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa }).ToListAsync();
            Departments = departments.Select(d => new SelectListItem($"{d.Code} {d.Name}", d.Id.ToString())).ToList();
        }

        var query = (await access.VisibleAsync(User)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLowerInvariant();
            query = query.Where(c => c.Name.ToLower().Contains(term));
        }

        if (DepartmentId is { } departmentId)
        {
            query = query.Where(c => c.OwningDepartmentId == departmentId);
        }

        if (Status == AllStatuses)
        {
        }
        else if (Enum.TryParse<ContractorStatus>(Status, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(c => c.Status == status);
        }
        else
        {
            Status = Current;
            query = query.Where(c => c.Status != ContractorStatus.Terminated);
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            query = query.Where(c => c.Countries.Contains(code));
        }

        var horizon = Today.AddDays(Expiry.WarningDays);
        if (CertificatesDue)
        {
            query = query.Where(c => c.PrivacyMarkExpiresOn <= horizon || c.IsmsExpiresOn <= horizon);
        }

        if (ContractsEnding)
        {
            query = query.Where(c => c.ContractEndsOn <= horizon);
        }

        var ordered = query.OrderBy(c => c.Name).ThenBy(c => c.Id);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = paged ? Shared.Paging.Window(PageNumber, PageSize) : (0, int.MaxValue);
        Rows = await ordered.Skip(skip).Take(take)
            .Select(c => new Row(
                c.Id, c.Name,
                c.OwningDepartment.Code + " " + (language == "en" ? c.OwningDepartment.NameEn : c.OwningDepartment.NameJa),
                c.Services, c.Countries, c.PrivacyMarkExpiresOn, c.IsmsExpiresOn, c.ContractStartsOn, c.ContractEndsOn, c.Status))
            .ToListAsync();
        if (paged)
        {
            Paging = new(PageNumber, Rows.Count > PageSize);
            Rows = Rows.Take(PageSize).ToList();
        }
    }
}
