using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audit programme (内部監査計画) of one fiscal year: its audits with scope, window, lead
/// auditor and status. Auditors and compliance officers plan; management reads; a department head
/// sees the audits of their own department.
/// </summary>
public class IndexModel(AppDbContext db, AuditAccess access, OrganisationClock clock) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int FiscalYear { get; private set; }
    public bool Manages { get; private set; }
    public AuditProgrammeStatus? ProgrammeStatus { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Title, string Scope, DateOnly WindowStart, DateOnly WindowEnd, string Lead, AuditStatus Status, int OpenFindings, bool FollowUp = false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Manages = AuditAccess.Manages(User);
        var current = SaveAudit.FiscalYear(DateOnly.FromDateTime(clock.Now.DateTime), clock.Settings.FiscalYearStartMonth);
        FiscalYear = Year is >= 2000 and <= 2200 ? Year.Value : current;
        Years = await db.AuditProgrammes.AsNoTracking().Select(p => p.FiscalYear).ToListAsync(cancellationToken);
        Years = Years.Append(current).Append(FiscalYear).Distinct().OrderDescending().ToList();
        ProgrammeStatus = await db.AuditProgrammes.AsNoTracking().Where(p => p.FiscalYear == FiscalYear).Select(p => (AuditProgrammeStatus?)p.Status).SingleOrDefaultAsync(cancellationToken);
        var visibleFindings = access.Findings(User);
        var audits = await access.Audits(User).AsNoTracking().Where(a => a.Programme.FiscalYear == FiscalYear)
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
                FollowUp = a.FollowUpOfAuditId != null,
            })
            .ToListAsync(cancellationToken);
        var names = await AuditScope.NamesAsync(db, audits.SelectMany(a => a.DepartmentIds), audits.SelectMany(a => a.ContractorIds), cancellationToken);
        Rows = audits.Select(a => new Row(a.Id, a.Title, AuditScope.Describe(names, a.DepartmentIds, a.ContractorIds), a.WindowStart, a.WindowEnd, a.Lead, a.Status, a.OpenFindings, a.FollowUp)).ToList();
    }
}
