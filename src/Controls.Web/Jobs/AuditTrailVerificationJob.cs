using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.AuditTrail;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Jobs;

/// <summary>
/// Daily: verifies the audit trail's hash chain (as <c>scripts/controls audit-trail verify</c>) and,
/// when an entry was altered, deleted or inserted, tells every active administrator (once per run).
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
public sealed class AuditTrailVerificationJob(VerifyAuditTrail verify, Notifier notifier, AppDbContext db, ILogger<AuditTrailVerificationJob> logger)
{
    public const string Name = "audit-trail-verification";

    [JobDisplayName("Job.audit-trail-verification", ResourceType = typeof(JobNames))]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await verify.RunAsync(cancellationToken);
        if (result.Succeeded)
        {
            return $"intact: {result.Checked} entries";
        }

        logger.LogError("Audit trail verification failed: {Problem}", result.Problem);
        var run = await db.AuditTrailVerifications.OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync(cancellationToken);
        var administrators = await Recipients.ActiveInRole(db, Roles.Administrator).AsNoTracking()
            .Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var administrator in administrators)
        {
            await notifier.NotifyAsync(administrator, $"audit-trail-verification:{run}", NotificationKinds.Escalation,
                "Notification.AuditTrailTampered.Subject", "Notification.AuditTrailTampered.Body", [result.Problem], "/Admin/AuditTrail", cancellationToken);
        }

        // A failed run is a finding, not an error to retry: recorded, and administrators told.
        return $"TAMPERED: {result.Problem}";
    }
}
