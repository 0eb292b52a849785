using System.Globalization;
using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// An audit's status steps (Planned → Scheduled → InFieldwork → Reporting → Closed; Cancelled from
/// any open step). Closing with open major nonconformities needs a recorded reason. When an audit
/// is scheduled, the heads of the audited departments are told once per planned window.
/// </summary>
public sealed class AuditLifecycle(AppDbContext db, Notifier notifier, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const string NotificationKind = "audit-scheduled";

    public static string DedupKey(Guid auditId, DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"audit:{auditId}:scheduled:{start:yyyy-MM-dd}_{end:yyyy-MM-dd}");

    public async Task<int> OpenMajorNonconformitiesAsync(Guid auditId, CancellationToken cancellationToken = default) =>
        await db.Findings.CountAsync(f => f.AuditId == auditId && f.Status == FindingStatus.Open && f.Classification == FindingClass.MajorNonconformity, cancellationToken);

    /// <summary>Null when done; otherwise the message to show.</summary>
    public async Task<string?> ChangeStatusAsync(ClaimsPrincipal user, Audit audit, string? status, string? reason, uint version, CancellationToken cancellationToken = default)
    {
        var next = Enum.GetValues<AuditStatus>().Cast<AuditStatus?>().FirstOrDefault(s => string.Equals(s.ToString(), status, StringComparison.Ordinal));
        if (next is null)
        {
            return l["Audits.StepNotAllowed"];
        }

        var openMajors = next == AuditStatus.Closed && Audit.NextSteps(audit.Status).Contains(next.Value) ? await OpenMajorNonconformitiesAsync(audit.Id, cancellationToken) : 0;
        if (audit.MoveTo(next.Value, reason?.Trim() ?? "", openMajors, DepartmentScope.UserId(user), time.GetUtcNow()) is { } refusal)
        {
            // ("Validation.MaxLength" names the reason and its longest length; the other messages take no argument.)
            return l[refusal, l["Audits.Field.ClosingReason"], Audit.ReasonLength];
        }

        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return l["Common.ConcurrencyConflict"];
        }

        await NotifyAuditeesAsync(audit.Id, cancellationToken);
        return null;
    }

    /// <summary>
    /// Tells the heads of the audited departments (and of departments owning audited contractors) that
    /// the audit is scheduled, once per window: a reschedule notifies again. Nothing while only planned.
    /// </summary>
    public async Task<int> NotifyAuditeesAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var audit = await db.Audits.AsNoTracking().Where(a => a.Id == auditId)
            .Select(a => new { a.Id, a.Title, a.Status, a.WindowStart, a.WindowEnd, a.DepartmentIds, a.ContractorIds })
            .SingleAsync(cancellationToken);
        if (audit.Status is not (AuditStatus.Scheduled or AuditStatus.InFieldwork))
        {
            return 0;
        }

        var departments = audit.DepartmentIds.Concat(await db.Contractors.AsNoTracking()
            .Where(c => audit.ContractorIds.Contains(c.Id)).Select(c => c.OwningDepartmentId).ToListAsync(cancellationToken)).Distinct().ToList();
        var headRole = Recipients.InRole(db, Roles.DepartmentHead);
        var heads = await db.Users.AsNoTracking()
            .Where(u => u.DepartmentId != null && departments.Contains(u.DepartmentId.Value)
                && (db.Departments.Any(d => d.HeadUserId == u.Id && d.Id == u.DepartmentId)
                    || headRole.Any(h => h.Id == u.Id)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var sent = 0;
        var window = InspectionText.Period(audit.WindowStart, audit.WindowEnd);
        foreach (var head in heads)
        {
            if (await notifier.NotifyAsync(head, DedupKey(audit.Id, audit.WindowStart, audit.WindowEnd), NotificationKind,
                    "Audits.Notify.Subject", "Audits.Notify.Body", [audit.Title, window], $"/Audits/Report/{audit.Id}", cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }
}
