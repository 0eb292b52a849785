using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audit programme (内部監査計画) of one fiscal year: its audits with scope, window, lead
/// auditor and status. Auditors and compliance officers plan; management reads; a department head
/// sees the audits of their own department.
/// </summary>
public class IndexModel(AppDbContext db, AuditAccess access, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int FiscalYear { get; private set; }
    public bool Manages { get; private set; }
    public AuditProgrammeStatus? ProgrammeStatus { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Title, string Scope, DateOnly WindowStart, DateOnly WindowEnd, string Lead, AuditStatus Status, int OpenFindings, int Findings, int Results, bool FollowUp);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>CSV or Excel of the audits the page shows (the chosen fiscal year, as this user may see them).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (format is not (ListExport.Csv or ListExport.Xlsx))
        {
            return BadRequest("format must be csv or xlsx");
        }

        await LoadAsync(cancellationToken);
        var statuses = Enum.GetValues<AuditStatus>().ToDictionary(s => s, s => l["AuditStatus." + s].Value);
        XlsxColumn[] columns =
        [
            new(l["Workbook.Audit"], 30), new(l["Workbook.Scope"], 36), new(l["Workbook.WindowStart"], 12, XlsxKind.Date), new(l["Workbook.WindowEnd"], 12, XlsxKind.Date),
            new(l["Audits.Field.LeadAuditor"], 18), new(l["Field.Status"], 12), new(l["Workbook.ResultCount"], 10), new(l["Workbook.FindingCount"], 10),
            new(l["Workbook.OpenFindingCount"], 10),
        ];
        var rows = Rows.Select(r => new object?[] { r.Title, r.Scope, r.WindowStart, r.WindowEnd, r.Lead, statuses[r.Status], r.Results, r.Findings, r.OpenFindings })
            .ToAsyncEnumerable();
        return await ListExport.WriteAsync(this, format, $"audits-FY{FiscalYear}", l["Audits.Title"], columns, rows, clock, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Manages = AuditAccess.Manages(User);
        var current = SaveAudit.FiscalYear(DateOnly.FromDateTime(clock.Now.DateTime), clock.Settings.FiscalYearStartMonth);
        FiscalYear = Year is >= 2000 and <= 2200 ? Year.Value : current;
        Years = await db.AuditProgrammes.AsNoTracking().Select(p => p.FiscalYear).ToListAsync(cancellationToken);
        Years = Years.Append(current).Append(FiscalYear).Distinct().OrderDescending().ToList();
        var programme = await db.AuditProgrammes.AsNoTracking().Where(p => p.FiscalYear == FiscalYear)
            .Select(p => new { p.Status, p.ApprovedAt, ApprovedBy = db.Users.Where(u => u.Id == p.ApprovedById).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        ProgrammeStatus = programme?.Status;
        ApprovedAt = programme?.ApprovedAt;
        ApprovedBy = programme?.ApprovedBy;
        var visibleFindings = await access.FindingsAsync(User, cancellationToken);
        var audits = await (await access.AuditsAsync(User, cancellationToken)).AsNoTracking().Where(a => a.Programme.FiscalYear == FiscalYear)
            .OrderBy(a => a.WindowStart).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.DepartmentIds,
                a.ContractorIds,
                a.WindowStart,
                a.WindowEnd,
                Lead = a.LeadAuditor.DisplayName,
                a.Status,
                OpenFindings = visibleFindings.Count(f => f.AuditId == a.Id && f.Status == FindingStatus.Open),
                Findings = visibleFindings.Count(f => f.AuditId == a.Id),
                Results = db.AuditTests.Count(t => t.AuditId == a.Id && t.Result != null),
                FollowUp = a.FollowUpOfAuditId != null,
            })
            .ToListAsync(cancellationToken);
        var names = await ScopeNames.NamesAsync(db, audits.SelectMany(a => a.DepartmentIds), audits.SelectMany(a => a.ContractorIds), cancellationToken);
        Rows = audits.Select(a => new Row(a.Id, a.Title, ScopeNames.Describe(names, a.DepartmentIds, a.ContractorIds), a.WindowStart, a.WindowEnd, a.Lead, a.Status, a.OpenFindings, a.Findings, a.Results, a.FollowUp)).ToList();
    }
}
