using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// The incident register (漏えい等事案), newest awareness first, with each reportable incident's
/// deadlines, filterable by kind and exported (CSV, Excel) exactly as filtered. A department head
/// sees their department's only.
/// </summary>
public class IndexModel(IncidentAccess access, OrganisationClock clock, TimeProvider time, IOptions<IncidentOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public IncidentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Shared.Paging Paging { get; private set; } = new(1, false);

    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Title, IncidentKind Kind, string Department, DateTimeOffset AwareAt, int PeopleCount, bool Reportable,
        bool Decided, IncidentDeadlines Deadlines, DateOnly? PreliminaryReportedOn, DateOnly? FinalReportedOn);

    /// <summary>The register is restricted to compliance officers (a department head sees none).</summary>
    public bool Restricted { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanCreate = access.CanCreate(User);
        Restricted = access.Restricted;
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var rows = await RowsAsync((await FilteredAsync()).Skip(skip).Take(take), cancellationToken);
        Paging = new(PageNumber, rows.Count > PageSize);
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>CSV or Excel of every incident the filters show (all pages), in the list's order and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(await FilteredAsync(), cancellationToken);
        XlsxColumn[] columns =
        [
            new(l["Incidents.Field.Title"], 30), new(l["Incidents.Field.Kind"], 10), new(l["Incidents.Field.Department"], 22),
            new(l["Incidents.Field.AwareAt"], 17, XlsxKind.DateTime), new(l["Incidents.Field.PeopleCount"], 10), new(l["Incidents.Reportability"], 14),
            new(l["Export.PreliminaryDeadline"], 12, XlsxKind.Date), new(l["Export.PreliminaryReportedOn"], 12, XlsxKind.Date),
            new(l["Export.FinalDeadline"], 12, XlsxKind.Date), new(l["Export.FinalReportedOn"], 12, XlsxKind.Date),
        ];
        var cells = rows.Select(r => new object?[]
        {
            r.Title, l["Incidents.Kind." + r.Kind].Value, r.Department, clock.ToLocal(r.AwareAt), r.PeopleCount,
            (r.Reportable ? l["Incidents.Reportable"].Value : l["Incidents.NotReportable"].Value) + (r.Decided ? "" : $" ({l["Incidents.Unconfirmed"].Value})"),
            r.Reportable ? r.Deadlines.Preliminary : null, r.PreliminaryReportedOn, r.Reportable ? r.Deadlines.Final : null, r.FinalReportedOn,
        }).ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, "incidents", l["Nav.Incidents"], columns, cells, clock, cancellationToken);
    }

    /// <summary>The incidents this user may see, narrowed by the page's filters, in the list's order (the page and its export).</summary>
    private async Task<IQueryable<Incident>> FilteredAsync()
    {
        SeesAll = IncidentAccess.SeesAll(User);
        var query = (await access.VisibleAsync(User)).AsNoTracking();
        if (Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        return query.OrderByDescending(i => i.AwareAt).ThenBy(i => i.Id);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Incident> incidents, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var zone = clock.Zone;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var found = await incidents
            .Select(i => new { Incident = i, Department = i.Department.Code + " " + (language == "en" ? i.Department.NameEn : i.Department.NameJa) })
            .ToListAsync(cancellationToken);
        return found.Select(x => new Row(x.Incident.Id, x.Incident.Title, x.Incident.Kind, x.Department, x.Incident.AwareAt, x.Incident.PeopleCount,
                IncidentReportability.IsReportable(x.Incident), x.Incident.ReportableDecision is not null,
                IncidentDeadlines.Compute(x.Incident.AwareAt, zone, x.Incident.SuspectedMalice, options.Value),
                x.Incident.PreliminaryReportedOn, x.Incident.FinalReportedOn))
            .ToList();
    }
}
