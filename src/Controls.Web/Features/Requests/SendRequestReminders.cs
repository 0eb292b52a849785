using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Requests;

/// <summary>
/// Reminds of data subjects' requests still open, by the organisation's calendar: the department's
/// head(s) and the compliance officers are told <see cref="DaysBefore"/> days before the due date
/// (<c>due-3</c>), on the day (<c>due-0</c>) and once it has passed (<c>overdue</c>). Only the latest
/// step that has come due is sent, each once per recipient (dedup key
/// <c>request:{id}:{due date}:{step}</c>), so doubled runs never repeat a step and an extended due
/// date starts a new cycle. Answering, refusing or recording the withdrawal stops them.
/// </summary>
public sealed partial class SendRequestReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, ILogger<SendRequestReminders> logger)
{
    public const int DaysBefore = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var soon = today.AddDays(DaysBefore);
        var open = await db.DataSubjectRequests.AsNoTracking()
            .WhereOpen().Where(r => r.DueOn <= soon)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Reference, r.Kind, r.DueOn, r.DepartmentId, r.Department.NameJa, r.Department.NameEn })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var officers = await Recipients.ActiveInRole(db, Roles.ComplianceOfficer).Select(u => u.Id).ToListAsync(cancellationToken);
        var heads = await Recipients.HeadsAsync(db, open.Select(r => r.DepartmentId).ToHashSet(), cancellationToken);
        var sent = 0;
        foreach (var r in open)
        {
            var daysLeft = r.DueOn.DayNumber - today.DayNumber;
            // The query took only requests within the window or past it, so a step has come due.
            var step = ReminderSteps.DueStep(daysLeft, DaysBefore)!;
            var key = $"request:{r.Id}:{r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{step}";
            var (kind, subject, body) = step switch
            {
                "overdue" => (NotificationKinds.Overdue, "Notification.RequestOverdue.Subject", "Notification.RequestOverdue.Body"),
                "due-0" => (NotificationKinds.Reminder, "Notification.RequestDue.Subject", "Notification.RequestDueToday.Body"),
                _ => (NotificationKinds.Reminder, "Notification.RequestDue.Subject", "Notification.RequestDue.Body"),
            };
            object[] args = [r.Reference, new Localized("Requests.Kind." + r.Kind), new Bilingual(r.NameJa, r.NameEn),
                r.DueOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), Math.Abs(daysLeft)];
            foreach (var user in officers.Concat(heads.GetValueOrDefault(r.DepartmentId) ?? []).Distinct())
            {
                if (await notifier.NotifyAsync(user, key, kind, subject, body, args, $"/Requests/Details/{r.Id}", cancellationToken))
                {
                    sent++;
                }
            }
        }

        LogRun(logger, today, open.Count, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-subject request reminders for {Today}: {Requests} open requests due within the reminder window or overdue; sent {Sent}")]
    private static partial void LogRun(ILogger logger, DateOnly today, int requests, int sent);
}
