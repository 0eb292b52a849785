using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Admin.Departments;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Requests;

/// <summary>
/// The register of data subjects' requests (開示等の請求等), newest receipt first, with the overdue
/// ones marked; filterable by kind, state and department, and exported (CSV, Excel) exactly as
/// filtered. A department head sees their department's (a division head also those below).
/// </summary>
public class IndexModel(AppDbContext db, RequestAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The state filter's values besides the statuses themselves.</summary>
    public const string Open = "open";
    public const string Overdue = "overdue";

    [BindProperty(SupportsGet = true)] public DataSubjectRequestKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);
    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed record Row(Guid Id, string Reference, DataSubjectRequestKind Kind, string Department, DateOnly ReceivedOn, RequestChannel Channel,
        RequesterKind RequesterKind, string Summary, string? LedgerEntry, DateOnly? IdentityVerifiedOn, string IdentityMethod, DateOnly DueOn, string ExtensionReason,
        DataSubjectRequestStatus Status, bool PartlyRefused, DateOnly? ClosedOn, string Response, string ResponseMethod, string RefusalReason, int? Fee);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = RequestAccess.CanCreate(User);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var rows = await RowsAsync((await FilteredAsync(cancellationToken)).Skip(skip).Take(take), cancellationToken);
        Paging = new(PageNumber, rows.Count > PageSize);
        Rows = rows.Take(PageSize).ToList();
        var departments = await access.DepartmentsAsync(User, cancellationToken);
        if (departments.Several)
        {
            Departments = await DepartmentTree.FilterChoicesAsync(db, departments.All ? null : departments.Ids, cancellationToken);
        }
    }

    /// <summary>CSV or Excel of every request the filters show (all pages), in the list's order, with every field.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(await FilteredAsync(cancellationToken), cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Requests.Field.Reference"], 14), new(l["Requests.Field.Kind"], 18), new(l["Requests.Field.Department"], 22),
            new(l["Requests.Field.ReceivedOn"], 12, XlsxKind.Date), new(l["Requests.Field.Channel"], 10), new(l["Requests.Field.RequesterKind"], 10),
            new(l["Requests.Field.Summary"], 40), new(l["Requests.Field.LedgerEntry"], 24),
            new(l["Requests.Field.IdentityVerifiedOn"], 12, XlsxKind.Date), new(l["Requests.Field.IdentityMethod"], 20),
            new(l["Requests.Field.DueOn"], 12, XlsxKind.Date), new(l["Requests.Field.ExtensionReason"], 24), new(l["Requests.Field.Status"], 14),
            new(l["Requests.Overdue"], 8), new(l["Requests.Field.ClosedOn"], 12, XlsxKind.Date), new(l["Requests.Field.Response"], 40),
            new(l["Requests.Field.ResponseMethod"], 16), new(l["Requests.Field.RefusalReason"], 30), new(l["Requests.Field.Fee"], 10),
        ];
        var cells = rows.Select(r => new object?[]
        {
            r.Reference, l["Requests.Kind." + r.Kind].Value, r.Department, r.ReceivedOn, l["Requests.Channel." + r.Channel].Value,
            l["Requests.RequesterKind." + r.RequesterKind].Value, r.Summary, r.LedgerEntry, r.IdentityVerifiedOn, r.IdentityMethod,
            r.DueOn, r.ExtensionReason, StatusText(r.Status, r.PartlyRefused),
            DataSubjectRequest.IsOverdue(r.Status, r.DueOn, Today) ? l["Requests.Overdue"].Value : "",
            r.ClosedOn, r.Response, r.ResponseMethod, r.RefusalReason, r.Fee,
        }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "requests", l["Nav.Requests"], columns, cells, clock, cancellationToken);
    }

    /// <summary>The status in words (不開示 or 一部不開示 for a refusal).</summary>
    public string StatusText(DataSubjectRequestStatus status, bool partlyRefused) =>
        status == DataSubjectRequestStatus.Refused && partlyRefused ? l["Requests.Status.PartlyRefused"].Value : l["Requests.Status." + status].Value;

    /// <summary>The requests this user may see, narrowed by the page's filters, in the list's order (the page and its export).</summary>
    private async Task<IQueryable<DataSubjectRequest>> FilteredAsync(CancellationToken cancellationToken)
    {
        SeesAll = RequestAccess.SeesAll(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var today = Today;
        var query = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (Department is { } department)
        {
            query = query.Where(r => r.DepartmentId == department);
        }

        if (State == Open)
        {
            query = query.WhereOpen();
        }
        else if (State == Overdue)
        {
            query = query.WhereOverdue(today);
        }
        else if (Enum.TryParse<DataSubjectRequestStatus>(State, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(r => r.Status == status);
        }

        return query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id);
    }

    private static async Task<List<Row>> RowsAsync(IQueryable<DataSubjectRequest> requests, CancellationToken cancellationToken)
    {
        var en = Languages.Current == Languages.English;
        return await requests
            .Select(r => new Row(r.Id, r.Reference, r.Kind, r.Department.Code + " " + (en ? r.Department.NameEn : r.Department.NameJa), r.ReceivedOn, r.Channel,
                r.RequesterKind, r.Summary, r.LedgerEntry == null ? null : r.LedgerEntry.Name, r.IdentityVerifiedOn, r.IdentityMethod, r.DueOn, r.ExtensionReason,
                r.Status, r.PartlyRefused, r.ClosedOn, r.Response, r.ResponseMethod, r.RefusalReason, r.Fee))
            .ToListAsync(cancellationToken);
    }
}
