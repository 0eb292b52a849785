using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Incidents;

/// <summary>The incident register (漏えい等事案), newest awareness first, with each reportable incident's deadlines. A department head sees their department's only.</summary>
public class IndexModel(IncidentAccess access, OrganisationClock clock, TimeProvider time, IOptions<IncidentOptions> options) : PageModel
{
    public const int PageSize = 100;

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

    public async Task OnGetAsync()
    {
        var language = Languages.Current;
        var zone = clock.Zone;
        SeesAll = IncidentAccess.SeesAll(User);
        CanCreate = access.CanCreate(User);
        Restricted = access.Restricted;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        PageNumber = Shared.Paging.Clamp(PageNumber);
        var (skip, take) = Shared.Paging.Window(PageNumber, PageSize);
        var incidents = await (await access.VisibleAsync(User)).AsNoTracking()
            .OrderByDescending(i => i.AwareAt).ThenBy(i => i.Id)
            .Skip(skip).Take(take)
            .Select(i => new { Incident = i, Department = i.Department.Code + " " + (language == "en" ? i.Department.NameEn : i.Department.NameJa) })
            .ToListAsync();
        Paging = new(PageNumber, incidents.Count > PageSize);
        incidents = incidents.Take(PageSize).ToList();
        Rows = incidents.Select(x => new Row(x.Incident.Id, x.Incident.Title, x.Incident.Kind, x.Department, x.Incident.AwareAt, x.Incident.PeopleCount,
                IncidentReportability.IsReportable(x.Incident), x.Incident.ReportableDecision is not null,
                IncidentDeadlines.Compute(x.Incident.AwareAt, zone, x.Incident.SuspectedMalice, options.Value),
                x.Incident.PreliminaryReportedOn, x.Incident.FinalReportedOn))
            .ToList();
    }
}
