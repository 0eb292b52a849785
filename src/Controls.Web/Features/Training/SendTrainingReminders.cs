using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// Annual training reminders (HUM-1): each active member of a department whose last completed
/// mandatory training was held more than 12 months ago (or who has none) is reminded, and their
/// department's head(s) told, once per fiscal year (dedup key <c>training:{user}:{fiscal year}</c>
/// for both). Someone trained resets their cycle: they can fall overdue again only 12 months later,
/// in a later fiscal year. Nothing is sent while the organisation records no mandatory session at
/// all (it does not keep its training in the app yet). A mandatory session with a comprehension
/// test counts once its test is passed.
/// </summary>
public sealed partial class SendTrainingReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, ILogger<SendTrainingReminders> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (!await db.TrainingSessions.AnyAsync(s => s.Mandatory, cancellationToken))
        {
            return 0;
        }

        var since = TrainingCoverage.Since(today);
        var overdue = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DepartmentId != null)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Department = u.DepartmentId!.Value,
                // Recorded for the user, or for the roster member with their e-mail address (the same person).
                LastTrainedOn = db.TrainingAttendances
                    .Where(a => (a.UserId == u.Id || (a.StaffMember != null && a.StaffMember.NormalizedEmail == u.NormalizedEmail)) && a.Completed && a.Session.Mandatory
                        // A session with a comprehension test counts once it is passed (as on the coverage page).
                        && (!db.TrainingTests.Any(t => t.SessionId == a.SessionId)
                            || db.TrainingTestResults.Any(r => r.SessionId == a.SessionId && r.Passed && r.UserId == a.UserId && r.StaffMemberId == a.StaffMemberId)))
                    .Max(a => (DateOnly?)a.Session.HeldOn),
            })
            .Where(u => u.LastTrainedOn == null || u.LastTrainedOn < since)
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var fiscalYear = OrganisationSettings.FiscalYearOf(today, clock.Settings.FiscalYearStartMonth);
        var heads = await Recipients.HeadsAsync(db, overdue.Select(u => u.Department).ToHashSet(), cancellationToken);
        var sent = 0;
        foreach (var user in overdue)
        {
            var key = $"training:{user.Id}:{fiscalYear.ToString(CultureInfo.InvariantCulture)}";
            var last = user.LastTrainedOn?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
            object[] args = [user.DisplayName, last ?? ""];
            if (await notifier.NotifyAsync(user.Id, key, NotificationKinds.Reminder, "Notification.TrainingDue.Subject",
                    last is null ? "Notification.TrainingNever.Body" : "Notification.TrainingDue.Body", args, "/", cancellationToken))
            {
                sent++;
            }

            foreach (var head in (heads.GetValueOrDefault(user.Department) ?? []).Where(h => h != user.Id))
            {
                if (await notifier.NotifyAsync(head, key, NotificationKinds.Reminder, "Notification.TrainingHead.Subject",
                        last is null ? "Notification.TrainingHeadNever.Body" : "Notification.TrainingHead.Body", args, "/Training/Coverage", cancellationToken))
                {
                    sent++;
                }
            }
        }

        LogRun(logger, today, overdue.Count, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training reminders for {Today}: {People} people without mandatory training in 12 months; sent {Sent}")]
    private static partial void LogRun(ILogger logger, DateOnly today, int people, int sent);
}
