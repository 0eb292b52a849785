using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// Reminds of the PPC reports of every reportable incident until each is recorded as submitted,
/// by the organisation's calendar: the compliance officers and the department's head(s) are told
/// as soon as a report is due ("incident:{id}:preliminary:open"), again some days before the final
/// report's deadline ("incident:{id}:final:due-7"), on the deadline day ("…:due-0") and on the first
/// day past it ("…:overdue"), which also goes to management (escalation; management may not open
/// the register, so theirs links to their notices). Only the latest step
/// that has come due is sent, each once per recipient (the dedup key), so doubled runs and runs
/// after downtime never repeat a step. When the register is restricted to compliance officers
/// (<see cref="OrganisationSettings.IncidentsComplianceOfficersOnly"/>), the department heads are not told.
/// </summary>
public sealed partial class SendIncidentReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, IOptions<IncidentOptions> options,
    ILogger<SendIncidentReminders> logger)
{
    public const string Preliminary = "preliminary";
    public const string Final = "final";

    private sealed record Step(Guid UserId, string Key, string Kind, string SubjectKey, string BodyKey, object[] Args, string Link);

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var zone = clock.Zone;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var candidates = await db.Incidents.AsNoTracking()
            .Where(i => (i.PreliminaryReportedOn == null || i.FinalReportedOn == null) && i.ReportableDecision != false)
            .Select(i => new { Incident = i, i.Department.NameJa, i.Department.NameEn })
            .ToListAsync(cancellationToken);
        var open = candidates.Where(c => IncidentReportability.IsReportable(c.Incident)).ToList();
        if (open.Count == 0)
        {
            return 0;
        }

        var officers = await Recipients.ActiveInRole(db, Roles.ComplianceOfficer).Select(u => u.Id).ToListAsync(cancellationToken);
        var managers = await Recipients.ActiveInRole(db, Roles.Management).Select(u => u.Id).ToListAsync(cancellationToken);
        var heads = await Recipients.HeadsAsync(db, open.Select(c => c.Incident.DepartmentId).ToHashSet(), cancellationToken);

        var steps = new List<Step>();
        foreach (var c in open)
        {
            var incident = c.Incident;
            var deadlines = IncidentDeadlines.Compute(incident.AwareAt, zone, incident.SuspectedMalice, settings);
            var recipients = officers.Concat(clock.Settings.IncidentsComplianceOfficersOnly ? [] : heads.GetValueOrDefault(incident.DepartmentId) ?? []).Distinct().ToList();
            var link = $"/Incidents/Details/{incident.Id}";
            var department = new Bilingual(c.NameJa, c.NameEn);
            foreach (var (report, deadline, submitted, firstNotice) in new[]
            {
                (Preliminary, deadlines.Preliminary, incident.PreliminaryReportedOn, (int?)null),
                (Final, deadlines.Final, incident.FinalReportedOn, (int?)settings.FinalReminderDaysBefore),
            })
            {
                if (submitted is not null)
                {
                    continue;
                }

                var daysLeft = deadline.DayNumber - today.DayNumber;
                var reportName = new Localized("Incidents.Report." + report);
                var args = new object[] { incident.Title, department, reportName, Date(deadline), Math.Abs(daysLeft) };
                string? step = daysLeft switch
                {
                    < 0 => "overdue",
                    0 => "due-0",
                    _ when firstNotice is null => "open",
                    _ when daysLeft <= firstNotice => $"due-{firstNotice}",
                    _ => null,
                };
                if (step is null)
                {
                    continue;
                }

                var key = $"incident:{incident.Id}:{report}:{step}";
                var (kind, subject, body) = step switch
                {
                    "overdue" => (NotificationKinds.Escalation, "Notification.IncidentOverdue.Subject", "Notification.IncidentOverdue.Body"),
                    "due-0" => (NotificationKinds.Reminder, "Notification.IncidentDue.Subject", "Notification.IncidentDueToday.Body"),
                    _ => (NotificationKinds.Reminder, "Notification.IncidentDue.Subject", "Notification.IncidentDue.Body"),
                };
                steps.AddRange(recipients.Select(user => new Step(user, key, kind, subject, body, args, link)));
                if (step == "overdue")
                {
                    // Management may not open the register: their escalation holds the facts and
                    // opens their notices, a page they may see.
                    steps.AddRange(managers.Except(recipients).Select(user => new Step(user, key, kind, subject, body, args, "/Notifications")));
                }
            }
        }

        var sent = 0;
        foreach (var step in steps)
        {
            if (await notifier.NotifyAsync(step.UserId, step.Key, step.Kind, step.SubjectKey, step.BodyKey, step.Args, step.Link, cancellationToken))
            {
                sent++;
            }
        }

        LogRun(logger, today, open.Count, sent);
        return sent;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident reminders for {Today}: {Incidents} reportable incidents with reports outstanding; sent {Sent}")]
    private static partial void LogRun(ILogger logger, DateOnly today, int incidents, int sent);
}
