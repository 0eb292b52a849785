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
/// Reminds department heads of the yearly re-assessment of their ledger entries' risks (リスク分析の
/// 見直し), by the organisation's calendar. The re-assessment is due one year after the last
/// assessment; an entry never assessed is due at once. Steps per entry: <c>due-30</c> from 30 days
/// before, <c>due-0</c> on the day, <c>overdue</c> after it, and <c>never</c> for an entry never
/// assessed. Only the latest step that has come due is sent, each once per head and cycle (dedup key
/// <c>risk-assessment:{entry}:{due date or "never"}:{step}</c>): a new assessment starts a new cycle.
/// What one run tells one head comes in one notice: a single entry links to its assessment page,
/// several to the risk register with the list in the message.
/// </summary>
public sealed partial class SendRiskAssessmentReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, ILogger<SendRiskAssessmentReminders> logger)
{
    public const int DaysBefore = 30;

    private sealed record Due(Guid EntryId, string Name, Guid DepartmentId, Bilingual Department, string Key, string Step, string DueOn, int Days);

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var soon = today.AddDays(DaysBefore).AddYears(-1);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.RiskAssessment == null || e.RiskAssessment.AssessedOn == null || e.RiskAssessment.AssessedOn <= soon)
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.DepartmentId,
                e.Department.NameJa,
                e.Department.NameEn,
                AssessedOn = e.RiskAssessment == null ? null : e.RiskAssessment.AssessedOn,
            })
            .ToListAsync(cancellationToken);

        var due = new List<Due>();
        foreach (var e in entries)
        {
            var next = RiskAssessment.NextAssessmentOn(e.AssessedOn);
            var daysLeft = next is { } d ? d.DayNumber - today.DayNumber : 0;
            var step = next is null ? "never" : ReminderSteps.DueStep(daysLeft, DaysBefore);
            if (step is null)
            {
                continue;
            }

            var dueOn = next?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) ?? "";
            var key = $"risk-assessment:{e.Id}:{next?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}:{step}";
            due.Add(new Due(e.Id, e.Name, e.DepartmentId, new Bilingual(e.NameJa, e.NameEn), key, step, dueOn, Math.Abs(daysLeft)));
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var heads = await Recipients.HeadsAsync(db, due.Select(d => d.DepartmentId).ToHashSet(), cancellationToken);
        var perHead = due.SelectMany(d => (heads.GetValueOrDefault(d.DepartmentId) ?? []).Select(head => (Head: head, Due: d)))
            .GroupBy(x => x.Head, x => x.Due);
        var sent = 0;
        foreach (var group in perHead)
        {
            var head = group.Key;
            var keys = group.Select(d => d.Key).ToList();
            var delivered = await db.NotificationSteps.AsNoTracking().Where(s => s.UserId == head && keys.Contains(s.DedupKey)).Select(s => s.DedupKey)
                .ToListAsync(cancellationToken);
            var fresh = group.Where(d => !delivered.Contains(d.Key)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            bool created;
            if (fresh.Count == 1)
            {
                var d = fresh[0];
                var (kind, subject) = d.Step is "overdue" or "never"
                    ? (NotificationKinds.Overdue, "Notification.RiskAssessmentOverdue.Subject")
                    : (NotificationKinds.Reminder, "Notification.RiskAssessmentDue.Subject");
                created = await notifier.NotifyAsync(head, d.Key, kind, subject, BodyKey(d.Step), [d.Name, d.Department, d.DueOn, d.Days],
                    $"/Ledger/Risk/{d.EntryId}", cancellationToken);
            }
            else
            {
                var lines = new TextLines(fresh.Select(d => (IMessageText)new Localized(LineKey(d.Step), d.Name, d.Department, d.DueOn, d.Days)).ToList());
                created = await notifier.NotifyAsync(head, fresh.Select(d => d.Key).ToList(), NotificationKinds.Bundle,
                    "Notification.RiskAssessmentBundle.Subject", "Notification.RiskAssessmentBundle.Body", [fresh.Count, lines], "/Ledger/Risks", cancellationToken);
            }

            if (created)
            {
                sent++;
            }
        }

        LogRun(logger, today, due.Count, sent);
        return sent;
    }

    private static string BodyKey(string step) => step switch
    {
        "never" => "Notification.RiskAssessmentNever.Body",
        "overdue" => "Notification.RiskAssessmentOverdue.Body",
        "due-0" => "Notification.RiskAssessmentDueToday.Body",
        _ => "Notification.RiskAssessmentDue.Body",
    };

    private static string LineKey(string step) => step switch
    {
        "never" => "Notification.RiskAssessmentLine.Never",
        "overdue" => "Notification.RiskAssessmentLine.Overdue",
        "due-0" => "Notification.RiskAssessmentLine.DueToday",
        _ => "Notification.RiskAssessmentLine.Due",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk re-assessment reminders for {Today}: {Entries} entries due within the reminder window, overdue or never assessed; sent {Sent} notices")]
    private static partial void LogRun(ILogger logger, DateOnly today, int entries, int sent);
}
