using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The audit programme (内部監査計画) of one fiscal year and its approval: auditors and compliance
/// officers prepare it and ask for approval (management is notified); management approves it or sends
/// it back to draft; once every audit is closed it is closed. Everyone signed in reads it.
/// Decided in docs/adr/0015-audit-programme-approval.md.
/// </summary>
public class ProgrammeModel(AppDbContext db, OrganisationClock clock, Notifier notifier, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string NotificationKind = "audit-programme";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public uint Version { get; set; }

    public int FiscalYear { get; private set; }
    public AuditProgramme? Programme { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? ApprovedBy { get; private set; }
    public int ActiveAudits { get; private set; }
    public bool MaySubmit { get; private set; }
    public bool MayApprove { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        ChangeAsync(SeparationOfDuties.RefusesProgrammeSubmission(User), (p, by, at) => p.Submit(by, at), "AuditProgramme.Submitted", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ChangeAsync(SeparationOfDuties.RefusesProgrammeApproval(User), (p, by, at) => p.Approve(by, at), "AuditProgramme.ApprovedMessage", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        ChangeAsync(SeparationOfDuties.RefusesProgrammeApproval(User), (p, _, _) => p.Reopen(), "AuditProgramme.Reopened", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(SeparationOfDuties.RefusesProgrammeSubmission(User), (p, _, _) => p.Close(), "AuditProgramme.ClosedMessage", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? refusal, Func<AuditProgramme, Guid, DateTimeOffset, string?> change, string doneKey, CancellationToken cancellationToken)
    {
        FiscalYear = YearOf();
        var programme = await db.AuditProgrammes.Include(p => p.Audits).SingleOrDefaultAsync(p => p.FiscalYear == FiscalYear, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        var userId = SeparationOfDuties.UserId(User);
        refusal ??= userId is null ? "AuditProgramme.OnlyManagementApproves" : null;
        refusal ??= Version != programme.Version ? "Common.ConcurrencyConflict" : change(programme, userId!.Value, time.GetUtcNow());
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            Refusal = l[refusal];
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Entry(programme).Property(p => p.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Refusal = l["Common.ConcurrencyConflict"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (doneKey == "AuditProgramme.Submitted")
        {
            await NotifyApproversAsync(programme, cancellationToken);
        }

        TempData["Message"] = l[doneKey, FiscalYear].Value;
        return RedirectToPage(new { Year = FiscalYear });
    }

    /// <summary>Each active member of management is asked to approve (once per request for approval).</summary>
    private async Task NotifyApproversAsync(AuditProgramme programme, CancellationToken cancellationToken)
    {
        var approvers = await Recipients.ActiveInRole(db, Roles.Management).Select(u => u.Id).ToListAsync(cancellationToken);
        var submitter = SeparationOfDuties.UserId(User);
        var by = await db.Users.Where(u => u.Id == submitter).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        foreach (var approver in approvers.Where(a => a != submitter))
        {
            await notifier.NotifyAsync(approver, $"audit-programme:{programme.Id}:{programme.SubmittedAt!.Value.UtcTicks}", NotificationKind,
                "AuditProgramme.Notify.Subject", "AuditProgramme.Notify.Body", [programme.FiscalYear, by, programme.Audits.Count],
                $"/Audits/Programme?Year={programme.FiscalYear}", cancellationToken);
        }
    }

    private int YearOf()
    {
        var current = SaveAudit.FiscalYear(DateOnly.FromDateTime(clock.Now.DateTime), clock.Settings.FiscalYearStartMonth);
        return Year is >= 2000 and <= 2200 ? Year.Value : current;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        FiscalYear = YearOf();
        Programme = await db.AuditProgrammes.AsNoTracking().Include(p => p.Audits).SingleOrDefaultAsync(p => p.FiscalYear == FiscalYear, cancellationToken);
        if (Programme is not null)
        {
            Version = Programme.Version;
            ActiveAudits = Programme.Audits.Count(a => a.IsActive);
            var ids = new[] { Programme.SubmittedById, Programme.ApprovedById }.OfType<Guid>().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            SubmittedBy = Programme.SubmittedById is { } s ? names.GetValueOrDefault(s) : null;
            ApprovedBy = Programme.ApprovedById is { } a ? names.GetValueOrDefault(a) : null;
        }

        MaySubmit = SeparationOfDuties.RefusesProgrammeSubmission(User) is null;
        MayApprove = SeparationOfDuties.RefusesProgrammeApproval(User) is null;
    }
}
