using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// Reminds of the annual review of each ledger entry, by the organisation's calendar. The review is
/// due one year after the last one; an entry never reviewed is overdue at once (as the ledger shows
/// it). Steps: <c>due-30</c> from 30 days before, <c>due-0</c> on the day — to the department's
/// head(s) and to the responsible person when the entry names a user of the department (by name or
/// e-mail) — and <c>overdue</c> after it, which also goes to the compliance officers (escalation).
/// Only the latest step that has come due is sent, each once per recipient and review cycle: the
/// dedup key <c>ledger-review:{id}:{due date or "never"}:{step}</c>; recording a review starts a new cycle.
/// </summary>
public sealed partial class SendLedgerReviewReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, ILogger<SendLedgerReviewReminders> logger)
{
    public const int DaysBefore = 30;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var soon = today.AddDays(DaysBefore).AddYears(-1);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.LastReviewedOn == null || e.LastReviewedOn <= soon)
            .Select(e => new { e.Id, e.Name, e.DepartmentId, e.Department.NameJa, e.Department.NameEn, e.ResponsiblePerson, e.LastReviewedOn })
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var departments = entries.Select(e => e.DepartmentId).ToHashSet();
        var heads = await Recipients.HeadsAsync(db, departments, cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId != null && departments.Contains(u.DepartmentId.Value))
            .Select(u => new { u.Id, Department = u.DepartmentId!.Value, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var officers = await Recipients.ActiveInRole(db, Roles.ComplianceOfficer).Select(u => u.Id).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var entry in entries)
        {
            var due = entry.LastReviewedOn?.AddYears(1);
            var daysLeft = due is { } d ? d.DayNumber - today.DayNumber : -1;
            var step = ReminderSteps.DueStep(daysLeft, DaysBefore);
            if (step is null)
            {
                continue;
            }

            var responsible = entry.ResponsiblePerson.Trim();
            var named = responsible.Length == 0 ? [] : members.Where(m => m.Department == entry.DepartmentId
                && (m.DisplayName == responsible || string.Equals(m.Email, responsible, StringComparison.OrdinalIgnoreCase))).Select(m => m.Id);
            // Heads and officers open the entry; a responsible person who may not edit it, the ledger.
            var editors = (heads.GetValueOrDefault(entry.DepartmentId) ?? []).Concat(step == "overdue" ? officers : []).ToHashSet();
            var to = editors.Concat(named).Distinct();

            var key = $"ledger-review:{entry.Id}:{due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}:{step}";
            var (kind, subject, body) = step switch
            {
                "overdue" => (NotificationKinds.Escalation, "Notification.LedgerReviewOverdue.Subject",
                    due is null ? "Notification.LedgerReviewNever.Body" : "Notification.LedgerReviewOverdue.Body"),
                "due-0" => (NotificationKinds.Reminder, "Notification.LedgerReviewDue.Subject", "Notification.LedgerReviewDueToday.Body"),
                _ => (NotificationKinds.Reminder, "Notification.LedgerReviewDue.Subject", "Notification.LedgerReviewDue.Body"),
            };
            object[] args = [entry.Name, new Bilingual(entry.NameJa, entry.NameEn), due?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "", Math.Abs(daysLeft)];
            foreach (var user in to)
            {
                var link = editors.Contains(user) ? $"/Ledger/Edit/{entry.Id}" : "/Ledger";
                if (await notifier.NotifyAsync(user, key, kind, subject, body, args, link, cancellationToken))
                {
                    sent++;
                }
            }
        }

        LogRun(logger, today, entries.Count, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger review reminders for {Today}: {Entries} entries due within the reminder window or overdue; sent {Sent}")]
    private static partial void LogRun(ILogger logger, DateOnly today, int entries, int sent);
}
