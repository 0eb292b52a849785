using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Notifications;

/// <summary>
/// Reminds and escalates, by the organisation's calendar at the current instant:
/// <list type="bullet">
/// <item>open inspections, on the configured days before the due date, to the assignees (the
/// department's head(s) and its delegates);</item>
/// <item>on the first overdue day, the assignees again; after the configured delays, the
/// division's head, then every compliance officer; and a weekly digest of everything overdue to
/// management (one per manager per ISO week);</item>
/// <item>overdue improvement/corrective actions: the owner, then the department's head(s).</item>
/// </list>
/// Every step has a dedup key ("reminder:{id}:due-7", "overdue:{id}:0", "escalation:{id}:division",
/// "escalation:{id}:compliance", "digest:2027-W05", "action:{id}:overdue", "action:{id}:escalation"):
/// repeated or doubled runs never send twice, and a run after downtime sends whatever step has come
/// due and was never sent — except reminders before a due date that has already passed, and earlier
/// pre-due reminders when a later one is due (only the latest applies).
/// Whatever one run has for one person goes as one notice (and one e-mail) that lists the items,
/// most urgent first; each step is still recorded, and so still sent only once (notification_steps).
/// </summary>
public sealed partial class SendReminders(AppDbContext db, Notifier notifier, OrganisationClock clock, IOptions<ReminderOptions> options, ILogger<SendReminders> logger)
{
    public const int DigestLineLimit = 200;

    public sealed record Result(int Reminders, int Overdue, int Escalations, int Digests, int Actions)
    {
        public override string ToString() =>
            $"reminders: {Reminders}, overdue: {Overdue}, escalations: {Escalations}, digests: {Digests}, actions: {Actions}";
    }

    private sealed record Step(Guid UserId, string Key, string Kind, string SubjectKey, string BodyKey, object[] Args, string Link);

    private sealed record InspectionRow(Guid Id, Guid DepartmentId, Guid? DivisionId, string DepartmentCode, string DepartmentJa, string DepartmentEn,
        string? Contractor, string CatalogJa, string CatalogEn, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn);

    private sealed record ActionRow(Guid Id, Guid DepartmentId, string DepartmentJa, string DepartmentEn, string Action, Guid OwnerId, string Owner, DateOnly DueOn);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var reminderDays = settings.ReminderDays;

        var horizon = today.AddDays(reminderDays.Max());
        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned)
                && i.DueOn <= horizon && i.Department.RetiredAt == null)
            .Select(i => new InspectionRow(i.Id, i.DepartmentId, i.Department.ParentId, i.Department.Code, i.Department.NameJa, i.Department.NameEn,
                i.Contractor == null ? null : i.Contractor.Name, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn, i.PeriodStart, i.PeriodEnd, i.DueOn))
            .ToListAsync(cancellationToken);
        var actions = await db.CorrectiveActions.AsNoTracking()
            // Implemented actions wait for verification by someone else: their owner is not reminded.
            .WhereOverdue(today).Where(a => a.Department.RetiredAt == null)
            .Select(a => new ActionRow(a.Id, a.DepartmentId, a.Department.NameJa, a.Department.NameEn, a.Action, a.OwnerId, a.Owner.DisplayName, a.DueOn))
            .ToListAsync(cancellationToken);
        var overdue = inspections.Where(i => i.DueOn < today).ToList();

        var departments = inspections.Select(i => i.DepartmentId)
            .Concat(overdue.Where(i => i.DivisionId is not null).Select(i => i.DivisionId!.Value))
            .Concat(actions.Select(a => a.DepartmentId))
            .ToHashSet();
        var heads = await Recipients.HeadsAsync(db, departments, cancellationToken);
        var delegates = await DelegatesAsync(departments, cancellationToken);
        var complianceOfficers = overdue.Count == 0 ? [] : await Recipients.ActiveInRole(db, Roles.ComplianceOfficer).Select(u => u.Id).ToListAsync(cancellationToken);
        var managers = overdue.Count == 0 ? [] : await Recipients.ActiveInRole(db, Roles.Management).Select(u => u.Id).ToListAsync(cancellationToken);

        List<Guid> HeadsOf(Guid department) => heads.GetValueOrDefault(department) ?? [];
        IEnumerable<Guid> Assignees(Guid department) => HeadsOf(department).Concat(delegates.GetValueOrDefault(department) ?? []).Distinct();

        var steps = new List<Step>();
        foreach (var inspection in inspections)
        {
            var link = $"/Inspections/Answer/{inspection.Id}";
            if (inspection.DueOn >= today)
            {
                // Only the latest reminder whose day has come: a missed "7 days before" is not sent next to "1 day before".
                var daysLeft = inspection.DueOn.DayNumber - today.DayNumber;
                var step = reminderDays.Where(d => d >= daysLeft).DefaultIfEmpty(-1).Min();
                if (step >= 0)
                {
                    var body = daysLeft == 0 ? "Notification.Reminder.BodyToday" : "Notification.Reminder.Body";
                    steps.AddRange(Assignees(inspection.DepartmentId).Select(user => new Step(user, $"reminder:{inspection.Id}:due-{step}",
                        NotificationKinds.Reminder, "Notification.Reminder.Subject", body, InspectionArgs(inspection, daysLeft), link)));
                }

                continue;
            }

            var daysOverdue = today.DayNumber - inspection.DueOn.DayNumber;
            var args = InspectionArgs(inspection, daysOverdue);
            steps.AddRange(Assignees(inspection.DepartmentId).Select(user => new Step(user, $"overdue:{inspection.Id}:0",
                NotificationKinds.Overdue, "Notification.Overdue.Subject", "Notification.Overdue.Body", args, link)));
            if (daysOverdue >= settings.EscalateAfterDays.Division && inspection.DivisionId is { } division)
            {
                steps.AddRange(HeadsOf(division).Select(user => new Step(user, $"escalation:{inspection.Id}:division",
                    NotificationKinds.Escalation, "Notification.EscalationDivision.Subject", "Notification.EscalationDivision.Body", args, link)));
            }

            if (daysOverdue >= settings.EscalateAfterDays.ComplianceOfficer)
            {
                steps.AddRange(complianceOfficers.Select(user => new Step(user, $"escalation:{inspection.Id}:compliance",
                    NotificationKinds.Escalation, "Notification.EscalationCompliance.Subject", "Notification.EscalationCompliance.Body", args, link)));
            }
        }

        if (overdue.Count > 0)
        {
            var day = today.ToDateTime(TimeOnly.MinValue);
            var week = $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
            var args = new object[] { week, overdue.Count, Date(today), DigestLines(overdue, today) };
            steps.AddRange(managers.Select(user => new Step(user, $"digest:{week}",
                NotificationKinds.Digest, "Notification.Digest.Subject", "Notification.Digest.Body", args, "/Inspections")));
        }

        foreach (var action in actions)
        {
            var daysOverdue = today.DayNumber - action.DueOn.DayNumber;
            var summary = action.Action.ReplaceLineEndings(" ");
            var args = new object[]
            {
                new Bilingual(action.DepartmentJa, action.DepartmentEn), summary.Length <= 80 ? summary : summary[..79] + "…",
                action.Owner, Date(action.DueOn), daysOverdue,
            };
            steps.Add(new Step(action.OwnerId, $"action:{action.Id}:overdue",
                NotificationKinds.ActionOverdue, "Notification.ActionOverdue.Subject", "Notification.ActionOverdue.Body", args, "/Actions"));
            if (daysOverdue >= settings.ActionEscalateAfterDays)
            {
                steps.AddRange(HeadsOf(action.DepartmentId).Select(user => new Step(user, $"action:{action.Id}:escalation",
                    NotificationKinds.ActionEscalation, "Notification.ActionEscalation.Subject", "Notification.ActionEscalation.Body", args, "/Actions")));
            }
        }

        var result = await DeliverAsync(steps, cancellationToken);
        LogRun(logger, today, inspections.Count, actions.Count, result.ToString());
        return result;
    }

    /// <summary>
    /// Sends the steps not yet delivered (one query finds those already sent; the notifier settles
    /// races): one notification per person per run. A single step goes as it is; several go as one
    /// notice that lists them, most urgent first.
    /// </summary>
    private async Task<Result> DeliverAsync(List<Step> steps, CancellationToken cancellationToken)
    {
        var users = steps.Select(s => s.UserId).Distinct().ToList();
        var keys = steps.Select(s => s.Key).Distinct().ToList();
        var delivered = steps.Count == 0
            ? []
            : (await db.NotificationSteps.Where(n => users.Contains(n.UserId) && keys.Contains(n.DedupKey))
                .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.DedupKey)).ToHashSet();

        var counts = new Dictionary<string, int>();
        var pending = steps.DistinctBy(s => (s.UserId, s.Key)).Where(s => !delivered.Contains((s.UserId, s.Key)));
        foreach (var person in pending.GroupBy(s => s.UserId))
        {
            var mine = person.OrderBy(s => Urgency(s.Kind)).ToList();
            var sent = mine.Count == 1
                ? await notifier.NotifyAsync(person.Key, mine[0].Key, mine[0].Kind, mine[0].SubjectKey, mine[0].BodyKey, mine[0].Args, mine[0].Link, cancellationToken)
                : await notifier.NotifyAsync(person.Key, mine.Select(s => s.Key).ToList(), NotificationKinds.Bundle,
                    "Notification.Bundle.Subject", "Notification.Bundle.Body", BundleArgs(mine), BundleLink(mine), cancellationToken);
            if (sent)
            {
                foreach (var step in mine)
                {
                    counts[step.Kind] = counts.GetValueOrDefault(step.Kind) + 1;
                }
            }
        }

        return new Result(counts.GetValueOrDefault(NotificationKinds.Reminder), counts.GetValueOrDefault(NotificationKinds.Overdue),
            counts.GetValueOrDefault(NotificationKinds.Escalation), counts.GetValueOrDefault(NotificationKinds.Digest),
            counts.GetValueOrDefault(NotificationKinds.ActionOverdue) + counts.GetValueOrDefault(NotificationKinds.ActionEscalation));
    }

    /// <summary>The order of a bundle's items: what is most overdue and escalated first.</summary>
    private static int Urgency(string kind) => kind switch
    {
        NotificationKinds.Escalation => 0,
        NotificationKinds.Overdue => 1,
        NotificationKinds.ActionEscalation => 2,
        NotificationKinds.ActionOverdue => 3,
        NotificationKinds.Reminder => 4,
        _ => 5,
    };

    /// <summary>
    /// {0} the number of items, {1} the items: each one's subject and text. Two steps about the same
    /// record (an owner's overdue action whose escalation also reaches them as its department's head)
    /// are listed once, as the most urgent; both are recorded as delivered.
    /// </summary>
    private static object[] BundleArgs(List<Step> steps)
    {
        var items = steps.DistinctBy(s => s.Key.Split(':')[1]).ToList();
        return
        [
            items.Count,
            new TextLines(items.Select(s => (IMessageText)new Localized("Notification.Bundle.Item", new Localized(s.SubjectKey, s.Args), new Localized(s.BodyKey, s.Args))).ToList()),
        ];
    }

    /// <summary>Where a bundle opens: the items' page when they share one, else the list of their kind.</summary>
    private static string BundleLink(List<Step> steps)
    {
        var links = steps.Select(s => s.Link).Distinct().ToList();
        if (links.Count == 1)
        {
            return links[0];
        }

        return steps.Any(s => s.Link.StartsWith("/Inspections", StringComparison.Ordinal)) ? "/Inspections" : "/Actions";
    }

    private async Task<Dictionary<Guid, List<Guid>>> DelegatesAsync(HashSet<Guid> departments, CancellationToken cancellationToken)
    {
        if (departments.Count == 0)
        {
            return [];
        }

        var delegates = await db.DepartmentDelegates.Where(d => departments.Contains(d.DepartmentId) && d.User.IsActive)
            .Select(d => new { d.DepartmentId, d.UserId })
            .ToListAsync(cancellationToken);
        return delegates.GroupBy(d => d.DepartmentId).ToDictionary(g => g.Key, g => g.Select(d => d.UserId).ToList());
    }

    /// <summary>{0} whose inspection, {1} catalog, {2} period, {3} due date, {4} days (left or overdue).</summary>
    private static object[] InspectionArgs(InspectionRow inspection, int days) =>
    [
        Target(inspection), new Bilingual(inspection.CatalogJa, inspection.CatalogEn),
        $"{Date(inspection.PeriodStart)}–{Date(inspection.PeriodEnd)}", Date(inspection.DueOn), days,
    ];

    private static Bilingual Target(InspectionRow inspection) => inspection.Contractor is { } contractor
        ? new Bilingual($"{contractor}({inspection.DepartmentJa})", $"{contractor} ({inspection.DepartmentEn})")
        : new Bilingual(inspection.DepartmentJa, inspection.DepartmentEn);

    /// <summary>The overdue inspections grouped by department (in code order), oldest due date first.</summary>
    private static TextLines DigestLines(List<InspectionRow> overdue, DateOnly today)
    {
        var lines = new List<IMessageText>();
        var listed = 0;
        foreach (var department in overdue.GroupBy(i => i.DepartmentId).OrderBy(g => g.First().DepartmentCode, StringComparer.Ordinal))
        {
            if (listed >= DigestLineLimit)
            {
                break;
            }

            var first = department.First();
            lines.Add(new Localized("Notification.Digest.Department", new Bilingual(first.DepartmentJa, first.DepartmentEn), department.Count()));
            foreach (var inspection in department.OrderBy(i => i.DueOn).Take(DigestLineLimit - listed))
            {
                var catalog = inspection.Contractor is { } contractor
                    ? new Bilingual($"{inspection.CatalogJa}({contractor})", $"{inspection.CatalogEn} ({contractor})")
                    : new Bilingual(inspection.CatalogJa, inspection.CatalogEn);
                lines.Add(new Localized("Notification.Digest.Line", catalog, $"{Date(inspection.PeriodStart)}–{Date(inspection.PeriodEnd)}",
                    Date(inspection.DueOn), today.DayNumber - inspection.DueOn.DayNumber));
                listed++;
            }
        }

        if (overdue.Count > listed)
        {
            lines.Add(new Localized("Notification.Digest.More", overdue.Count - listed));
        }

        return new TextLines(lines);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Today}: {Inspections} inspections due soon or overdue, {Actions} overdue actions; sent {Result}")]
    private static partial void LogRun(ILogger logger, DateOnly today, int inspections, int actions, string result);
}
