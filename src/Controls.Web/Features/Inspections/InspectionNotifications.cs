using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Tells people about review steps: compliance officers when an inspection is submitted; the
/// department's head and delegates when it is returned (with the reviewer's comments waiting) or
/// accepted. Called inside the step's transaction after its changes are saved.
/// </summary>
public sealed class InspectionNotifications(AppDbContext db, Notifier notifier)
{
    public async Task SubmittedAsync(Inspection inspection, CancellationToken cancellationToken = default)
    {
        var (name, period) = await DescribeAsync(inspection, cancellationToken);
        var officers = await Recipients.ActiveInRole(db, Roles.ComplianceOfficer)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var officer in officers)
        {
            await notifier.NotifyAsync(officer, $"submitted:{inspection.Id}:{inspection.SubmittedAt?.UtcTicks}", NotificationKinds.Review,
                "Notify.Submitted.Subject", "Notify.Submitted.Body", [name, period], $"/Inspections/Review/Decide/{inspection.Id}", cancellationToken);
        }
    }

    public async Task ReviewedAsync(Inspection inspection, CancellationToken cancellationToken = default)
    {
        var (name, period) = await DescribeAsync(inspection, cancellationToken);
        var returned = inspection.Status == InspectionStatus.Returned;
        var department = inspection.DepartmentId;
        var heads = await Recipients.ActiveInRole(db, Roles.DepartmentHead).Where(u => u.DepartmentId == department)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var named = await db.Departments.Where(d => d.Id == department && d.HeadUserId != null).Select(d => d.HeadUserId!.Value).ToListAsync(cancellationToken);
        var delegates = await db.DepartmentDelegates.Where(d => d.DepartmentId == department).Select(d => d.UserId).ToListAsync(cancellationToken);
        foreach (var user in heads.Concat(named).Concat(delegates).Distinct())
        {
            await notifier.NotifyAsync(user, $"{(returned ? "returned" : "accepted")}:{inspection.Id}:{inspection.ReviewedAt?.UtcTicks}", NotificationKinds.Review,
                returned ? "Notify.Returned.Subject" : "Notify.Accepted.Subject", returned ? "Notify.Returned.Body" : "Notify.Accepted.Body",
                [name, period], $"/Inspections/Answer/{inspection.Id}", cancellationToken);
        }
    }

    private async Task<(Bilingual Name, string Period)> DescribeAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var names = await db.Departments.Where(d => d.Id == inspection.DepartmentId).Select(d => new { d.NameJa, d.NameEn }).SingleAsync(cancellationToken);
        var contractor = inspection.ContractorId is { } id ? await db.Contractors.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(cancellationToken) : null;
        var name = contractor is null ? new Bilingual(names.NameJa, names.NameEn) : new Bilingual($"{contractor}({names.NameJa})", $"{contractor} ({names.NameEn})");
        return (name, $"{inspection.PeriodStart:yyyy/MM/dd}–{inspection.PeriodEnd:yyyy/MM/dd}");
    }
}
