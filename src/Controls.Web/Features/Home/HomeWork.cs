using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Incidents;
using Controls.Web.Features.Reports;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Home;

/// <summary>
/// The home page's work for one person, one section per role they hold: what waits for them, with
/// counts and the few most urgent rows, each linking to where the work is done. Departments come
/// from <see cref="DepartmentScope"/>; the management figures use the dashboard's definitions
/// (<see cref="ComplianceReport.HeadlineAsync"/>). A few projected, untracked queries per section.
/// Used by the home page and by bench/ (the "home" mode).
/// </summary>
public sealed class HomeWork(AppDbContext db, DepartmentScope scope, ComplianceReport report, OrganisationClock clock, IOptions<IncidentOptions> incidentOptions)
{
    /// <summary>How many rows a card lists.</summary>
    public const int Few = 5;

    /// <summary>Due within this many days counts as "due soon" (as the inspections list).</summary>
    public const int DueSoonDays = Inspections.IndexModel.DueSoonDays;

    /// <summary>Audits starting within this many days are "coming up".</summary>
    public const int ComingDays = 60;

    /// <summary>One row of a card: what, where (the department), when, its state (a resource key), and the page where it is done.</summary>
    public sealed record Row(string Text, string? Department, DateOnly? Date, string? StateKey, string Link, bool Urgent = false);

    /// <summary>A count with its label (resource key) and the list it opens.</summary>
    public sealed record Figure(string LabelKey, int Count, string Link, bool Urgent = false);

    /// <summary>A card: a title (resource key), its figures, the most urgent rows, the full list's link and what to say when empty.</summary>
    public sealed record Card(string Key, string TitleKey, int Count, List<Figure> Figures, List<Row> Rows, string Link, string EmptyKey);

    /// <summary>A section: a title (resource key, with an optional department name), its cards.</summary>
    public sealed record Section(string Key, string TitleKey, string? Name, List<Card> Cards)
    {
        /// <summary>The organisation's score for the period (management's section).</summary>
        public ComplianceScore? Score { get; init; }
    }

    public async Task<List<Section>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var sections = new List<Section>();
        var en = Languages.Current == Languages.English;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var me = DepartmentScope.UserId(user);
        if (me is null)
        {
            return sections;
        }

        var headed = await scope.HeadedAsync(user, cancellationToken);
        if (await scope.Answering(user, cancellationToken) is { } own)
        {
            var section = await OwnDepartmentAsync(me.Value, own, today, en, cancellationToken);
            if (user.IsInRole(Roles.DepartmentHead))
            {
                // Data subjects' requests of the departments the head oversees (a division head's too: they read them).
                var ids = headed.Ids;
                section.Cards.Insert(section.Cards.Count - 1, await RequestsCardAsync(db.DataSubjectRequests.Where(r => ids.Contains(r.DepartmentId)), today, en, ids.Count > 1, cancellationToken));
            }

            sections.Add(section);
        }

        var below = headed.Ids.Where(id => id != DepartmentScope.DepartmentOf(user)).ToHashSet();
        if (below.Count > 0)
        {
            sections.Add(await DepartmentsBelowAsync(below, today, en, cancellationToken));
        }

        if (user.IsInRole(Roles.ComplianceOfficer))
        {
            sections.Add(await ComplianceAsync(today, en, cancellationToken));
        }

        if (user.IsInRole(Roles.Auditor))
        {
            sections.Add(await AuditorAsync(today, en, cancellationToken));
        }

        if (user.IsInRole(Roles.Management))
        {
            sections.Add(await ManagementAsync(today, cancellationToken));
        }

        if (user.IsInRole(Roles.Administrator))
        {
            sections.Add(await AdministrationAsync(cancellationToken));
        }

        return sections;
    }

    private sealed record OpenInspection(Guid Id, Guid DepartmentId, string DepartmentJa, string DepartmentEn, string TitleJa, string TitleEn, string? Contractor, DateOnly DueOn, InspectionStatus Status);

    /// <summary>Open inspections of the departments that are returned, overdue or due within <see cref="DueSoonDays"/>.</summary>
    private Task<List<OpenInspection>> OpenInspectionsAsync(IReadOnlyCollection<Guid> departments, DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(DueSoonDays);
        return db.Inspections.AsNoTracking()
            .Where(i => departments.Contains(i.DepartmentId)
                && (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned)
                && (i.DueOn <= soon || i.Status == InspectionStatus.Returned))
            .OrderBy(i => i.DueOn)
            .Select(i => new OpenInspection(i.Id, i.DepartmentId, i.Department.NameJa, i.Department.NameEn, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn,
                i.Contractor == null ? null : i.Contractor.Name, i.DueOn, i.Status))
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    private static Card InspectionCard(List<OpenInspection> open, DateOnly today, bool en, string listLink, bool named)
    {
        var returned = open.Count(i => i.Status == InspectionStatus.Returned);
        var overdue = open.Count(i => i.DueOn < today);
        var soon = open.Count(i => i.DueOn >= today && i.Status != InspectionStatus.Returned);
        var rows = open
            .OrderBy(i => i.Status == InspectionStatus.Returned ? 0 : i.DueOn < today ? 1 : 2).ThenBy(i => i.DueOn)
            .Take(Few)
            .Select(i => new Row((en ? i.TitleEn : i.TitleJa) + (i.Contractor is { } c ? " / " + c : ""), named ? (en ? i.DepartmentEn : i.DepartmentJa) : null, i.DueOn,
                i.Status == InspectionStatus.Returned ? "InspectionStatus.Returned" : i.DueOn < today ? "Inspections.Overdue" : "Home.DueSoon",
                $"/Inspections/Answer/{i.Id}", i.Status == InspectionStatus.Returned || i.DueOn < today))
            .ToList();
        var prefix = listLink.Contains('?') ? listLink + "&" : listLink + "?";
        return new Card("inspections", "Home.InspectionsToAnswer", open.Count,
            [
                new("Home.Returned", returned, prefix + "View=returned", returned > 0),
                new("Home.Overdue", overdue, prefix + "View=overdue", overdue > 0),
                new("Home.DueSoon", soon, prefix + "View=soon"),
            ],
            rows, prefix + "View=open", "Home.NoInspections");
    }

    private async Task<Section> OwnDepartmentAsync(Guid me, Guid own, DateOnly today, bool en, CancellationToken cancellationToken)
    {
        var name = await db.Departments.AsNoTracking().Where(d => d.Id == own).Select(d => en ? d.NameEn : d.NameJa).SingleAsync(cancellationToken);
        var inspections = InspectionCard(await OpenInspectionsAsync([own], today, cancellationToken), today, en, "/Inspections", false);

        var mine = db.CorrectiveActions.AsNoTracking().Where(a => a.OwnerId == me).WhereOpen();
        var actionCount = await mine.CountAsync(cancellationToken);
        var overdueActions = await mine.WhereOverdue(today).CountAsync(cancellationToken);
        var actionRows = await mine.OrderBy(a => a.Status == CorrectiveActionStatus.Implemented).ThenBy(a => a.DueOn).Take(Few)
            .Select(a => new { a.Id, a.Action, a.DueOn, a.Status, a.InspectionId, a.Source, Department = en ? a.Department.NameEn : a.Department.NameJa })
            .ToListAsync(cancellationToken);
        var actions = new Card("actions", "Home.MyActions", actionCount,
            [new("Home.Overdue", overdueActions, "/Actions?Overdue=true", overdueActions > 0)],
            actionRows.Select(a => new Row(Short(a.Action), a.Department, a.DueOn, "ActionStatus." + a.Status,
                a.InspectionId is { } inspection ? $"/Inspections/Answer/{inspection}" : "/Actions",
                CorrectiveAction.IsOverdue(a.Status, a.DueOn, today))).ToList(),
            "/Actions", "Home.NoActions");

        var findings = db.Findings.AsNoTracking().Where(f => f.DepartmentId == own && f.Status == FindingStatus.Open);
        var findingCount = await findings.CountAsync(cancellationToken);
        var findingRows = await findings.OrderBy(f => f.CreatedAt).Take(Few)
            .Select(f => new { f.Id, f.Description, f.Classification, f.CreatedAt }).ToListAsync(cancellationToken);
        var findingCard = new Card("findings", "Home.OpenFindings", findingCount, [],
            findingRows.Select(f => new Row(Short(f.Description), null, LocalDate(f.CreatedAt), "FindingClass." + f.Classification, $"/Audits/Finding/{f.Id}")).ToList(),
            "/Audits/Findings?Status=Open", "Home.NoFindings");

        var unread = await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == me && n.ReadAt == null, cancellationToken);
        var notices = new Card("notices", "Home.UnreadNotices", unread, [], [], "/Notifications", "Home.NoNotices");
        return new Section("department", "Home.Section.Department", name, [inspections, actions, findingCard, notices]);
    }

    private async Task<Section> DepartmentsBelowAsync(HashSet<Guid> below, DateOnly today, bool en, CancellationToken cancellationToken)
    {
        var open = await OpenInspectionsAsync(below, today, cancellationToken);
        var theirActions = db.CorrectiveActions.AsNoTracking().Where(a => below.Contains(a.DepartmentId));
        var openActions = await theirActions.WhereOpen().GroupBy(a => a.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var overdueActions = await theirActions.WhereOverdue(today).GroupBy(a => a.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var findings = await db.Findings.AsNoTracking().Where(f => below.Contains(f.DepartmentId) && f.Status == FindingStatus.Open)
            .GroupBy(f => f.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => below.Contains(d.Id) && d.RetiredAt == null).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = en ? d.NameEn : d.NameJa }).ToListAsync(cancellationToken);

        var cards = new List<Card>();
        foreach (var department in departments)
        {
            var theirs = open.Where(i => i.DepartmentId == department.Id).ToList();
            var openActionCount = openActions.GetValueOrDefault(department.Id);
            var overdueActionCount = overdueActions.GetValueOrDefault(department.Id);
            var findingCount = findings.GetValueOrDefault(department.Id);
            if (theirs.Count == 0 && openActionCount == 0 && findingCount == 0)
            {
                continue;
            }

            var card = InspectionCard(theirs, today, en, $"/Inspections?Department={department.Id}", false);
            card.Figures.Add(new("Home.OpenActions", openActionCount, $"/Actions?Department={department.Id}"));
            card.Figures.Add(new("Home.OverdueActions", overdueActionCount, $"/Actions?Department={department.Id}&Overdue=true", overdueActionCount > 0));
            card.Figures.Add(new("Home.OpenFindings", findingCount, $"/Audits/Findings?Department={department.Id}&Status=Open"));
            cards.Add(card with { Key = "below-" + department.Code, TitleKey = department.Code + " " + department.Name });
        }

        return new Section("below", "Home.Section.Below", null, cards);
    }

    private async Task<Section> ComplianceAsync(DateOnly today, bool en, CancellationToken cancellationToken)
    {
        var submitted = db.Inspections.AsNoTracking().Where(i => i.Status == InspectionStatus.Submitted);
        var queueCount = await submitted.CountAsync(cancellationToken);
        var queue = await submitted.OrderBy(i => i.SubmittedAt).Take(Few)
            .Select(i => new { i.Id, Department = en ? i.Department.NameEn : i.Department.NameJa, Title = en ? i.CatalogVersion.TitleEn : i.CatalogVersion.TitleJa, i.SubmittedAt })
            .ToListAsync(cancellationToken);
        var review = new Card("review", "Home.ReviewQueue", queueCount, [],
            queue.Select(i => new Row(i.Title, i.Department, i.SubmittedAt is { } at ? LocalDate(at) : null, "InspectionStatus.Submitted", $"/Inspections/Review/Decide/{i.Id}")).ToList(),
            "/Inspections/Review", "Home.NoReviews");

        var overdue = await db.Inspections.AsNoTracking()
            .Where(i => (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned) && i.DueOn < today)
            .GroupBy(i => i.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(i => i.DueOn) })
            .ToListAsync(cancellationToken);
        var worst = overdue.OrderBy(d => d.Oldest).ThenByDescending(d => d.Count).Take(Few).ToList();
        var worstIds = worst.Select(d => d.Key).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => worstIds.Contains(d.Id)).Select(d => new { d.Id, Name = en ? d.NameEn : d.NameJa })
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var late = new Card("overdue-departments", "Home.DepartmentsOverdue", overdue.Count,
            [new("Home.OverdueInspections", overdue.Sum(d => d.Count), "/Inspections?View=overdue", overdue.Count > 0)],
            worst.Select(d => new Row(names.GetValueOrDefault(d.Key, ""), null, d.Oldest, "Inspections.Overdue", $"/Inspections?View=overdue&Department={d.Key}", true)).ToList(),
            "/Inspections?View=overdue", "Home.NoDepartmentsOverdue");

        var candidates = await db.Incidents.AsNoTracking()
            .Where(i => (i.PreliminaryReportedOn == null || i.FinalReportedOn == null) && i.ReportableDecision != false)
            .Select(i => new { Incident = i, Department = en ? i.Department.NameEn : i.Department.NameJa })
            .ToListAsync(cancellationToken);
        var deadlines = candidates.Where(c => IncidentReportability.IsReportable(c.Incident))
            .Select(c =>
            {
                var d = IncidentDeadlines.Compute(c.Incident.AwareAt, clock.Zone, c.Incident.SuspectedMalice, incidentOptions.Value);
                var preliminary = c.Incident.PreliminaryReportedOn is null;
                return new Row(c.Incident.Title, c.Department, preliminary ? d.Preliminary : d.Final,
                    preliminary ? "Home.PreliminaryReport" : "Home.FinalReport", $"/Incidents/Details/{c.Incident.Id}", (preliminary ? d.Preliminary : d.Final) <= today);
            })
            .OrderBy(r => r.Date).ToList();
        var incidents = new Card("incidents", "Home.IncidentDeadlines", deadlines.Count, [], deadlines.Take(Few).ToList(), "/Incidents", "Home.NoIncidentDeadlines");

        var yearAgo = today.AddYears(-1);
        var stale = db.LedgerEntries.AsNoTracking().Where(e => e.LastReviewedOn == null || e.LastReviewedOn < yearAgo);
        var staleCount = await stale.CountAsync(cancellationToken);
        var staleRows = await stale.OrderBy(e => e.LastReviewedOn).Take(Few)
            .Select(e => new { e.Id, e.Name, Department = en ? e.Department.NameEn : e.Department.NameJa, e.LastReviewedOn }).ToListAsync(cancellationToken);
        var ledger = new Card("ledger", "Home.LedgerReviewOverdue", staleCount, [],
            staleRows.Select(e => new Row(e.Name, e.Department, e.LastReviewedOn, e.LastReviewedOn is null ? "Home.NeverReviewed" : "Home.LastReviewed", $"/Ledger/Edit/{e.Id}", true)).ToList(),
            "/Ledger", "Home.NoLedgerReviews");

        var requests = await RequestsCardAsync(db.DataSubjectRequests, today, en, true, cancellationToken);
        return new Section("compliance", "Home.Section.Compliance", null, [review, late, incidents, requests, ledger, await ComingAuditsAsync(today, cancellationToken)]);
    }

    /// <summary>Data subjects' requests still open that are overdue or due within <see cref="DueSoonDays"/> days, the earliest due first.</summary>
    private static async Task<Card> RequestsCardAsync(IQueryable<DataSubjectRequest> requests, DateOnly today, bool en, bool named, CancellationToken cancellationToken)
    {
        var due = Requests.RequestSummary.DueSoon(requests.AsNoTracking(), today, DueSoonDays);
        var count = await due.CountAsync(cancellationToken);
        var overdue = await due.WhereOverdue(today).CountAsync(cancellationToken);
        var rows = await due.Take(Few).Select(r => new { r.Id, r.Reference, r.Kind, r.Status, r.DueOn, Department = en ? r.Department.NameEn : r.Department.NameJa }).ToListAsync(cancellationToken);
        return new Card("requests", "Home.RequestsDue", count,
            [new("Home.Overdue", overdue, "/Requests?State=overdue", overdue > 0)],
            rows.Select(r => new Row(r.Reference, named ? r.Department : null, r.DueOn,
                DataSubjectRequest.IsOverdue(r.Status, r.DueOn, today) ? "Requests.Overdue" : "Requests.Kind." + r.Kind,
                $"/Requests/Details/{r.Id}", DataSubjectRequest.IsOverdue(r.Status, r.DueOn, today))).ToList(),
            "/Requests?State=open", "Home.NoRequestsDue");
    }

    private async Task<Card> ComingAuditsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(ComingDays);
        var coming = db.Audits.AsNoTracking()
            .Where(a => (a.Status == AuditStatus.Planned || a.Status == AuditStatus.Scheduled) && a.WindowEnd >= today && a.WindowStart <= horizon);
        var count = await coming.CountAsync(cancellationToken);
        var rows = await coming.OrderBy(a => a.WindowStart).Take(Few).Select(a => new { a.Id, a.Title, a.WindowStart, a.Status }).ToListAsync(cancellationToken);
        return new Card("audits-coming", "Home.AuditsComing", count, [],
            rows.Select(a => new Row(a.Title, null, a.WindowStart, "AuditStatus." + a.Status, $"/Audits/Report/{a.Id}")).ToList(),
            "/Audits", "Home.NoAuditsComing");
    }

    private async Task<Section> AuditorAsync(DateOnly today, bool en, CancellationToken cancellationToken)
    {
        var fieldwork = db.Audits.AsNoTracking().Where(a => a.Status == AuditStatus.InFieldwork);
        var fieldworkCount = await fieldwork.CountAsync(cancellationToken);
        var fieldworkRows = await fieldwork.OrderBy(a => a.WindowEnd).Take(Few).Select(a => new { a.Id, a.Title, a.WindowEnd }).ToListAsync(cancellationToken);
        var inFieldwork = new Card("fieldwork", "Home.AuditsInFieldwork", fieldworkCount, [],
            fieldworkRows.Select(a => new Row(a.Title, null, a.WindowEnd, "Home.WindowEnds", $"/Audits/Fieldwork/{a.Id}", a.WindowEnd < today)).ToList(),
            "/Audits", "Home.NoFieldwork");

        var waiting = db.Findings.AsNoTracking().Where(f => f.CorrectiveAction != null && f.CorrectiveAction.Status == CorrectiveActionStatus.Implemented);
        var waitingCount = await waiting.CountAsync(cancellationToken);
        var waitingRows = await waiting.OrderBy(f => f.CorrectiveAction!.ImplementedAt).Take(Few)
            .Select(f => new { f.Id, f.CorrectiveAction!.Action, Department = en ? f.Department.NameEn : f.Department.NameJa, f.CorrectiveAction.ImplementedAt })
            .ToListAsync(cancellationToken);
        var verify = new Card("verify", "Home.ActionsToVerify", waitingCount, [],
            waitingRows.Select(f => new Row(Short(f.Action), f.Department, f.ImplementedAt is { } at ? LocalDate(at) : null, "ActionStatus.Implemented", $"/Audits/Finding/{f.Id}")).ToList(),
            "/Audits/Findings", "Home.NoActionsToVerify");

        return new Section("auditor", "Home.Section.Auditor", null, [inFieldwork, await ComingAuditsAsync(today, cancellationToken), verify]);
    }

    private async Task<Section> ManagementAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.CurrentFiscalYear(today, clock.Settings.FiscalYearStartMonth);
        var figures = await report.HeadlineAsync(new ReportFilter(period), cancellationToken);
        var inspections = figures.InspectionTotals;
        var actions = figures.ActionTotals;
        var standing = new Card("standing", "Home.Standing", inspections.OnTime + inspections.Late,
            [
                new("Home.HandedIn", inspections.OnTime + inspections.Late, "/Dashboard"),
                new("Dashboard.Late", inspections.Late, "/Dashboard"),
                new("Home.OverdueInspections", inspections.Overdue, "/Inspections?View=overdue", inspections.Overdue > 0),
                new("Dashboard.ActionsOpen", actions.Open, "/Actions"),
                new("Home.OverdueActions", actions.Overdue, "/Actions?Overdue=true", actions.Overdue > 0),
            ],
            [], "/Dashboard", "Home.NoFigures");
        return new Section("management", "Home.Section.Management", period.Key, [standing, await ReviewOutputsAsync(today, cancellationToken)]) { Score = figures.Overall };
    }

    /// <summary>The instructions of the management reviews not yet carried out (not verified), the overdue first.</summary>
    private async Task<Card> ReviewOutputsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = (await db.ManagementReviewOutputs.AsNoTracking()
                .WhereOpen()
                .Select(o => new
                {
                    o.ManagementReviewId,
                    o.Text,
                    o.Kind,
                    DepartmentJa = o.CorrectiveAction == null ? null : o.CorrectiveAction.Department.NameJa,
                    DepartmentEn = o.CorrectiveAction == null ? null : o.CorrectiveAction.Department.NameEn,
                    DueOn = o.CorrectiveAction == null ? (DateOnly?)null : o.CorrectiveAction.DueOn,
                    Status = o.CorrectiveAction == null ? (CorrectiveActionStatus?)null : o.CorrectiveAction.Status,
                })
                .ToListAsync(cancellationToken))
            .Select(o => (o.ManagementReviewId, o.Text, o.DepartmentJa, o.DepartmentEn, o.DueOn, o.Status,
                Overdue: o.Status is { } status && o.DueOn is { } due && CorrectiveAction.IsOverdue(status, due, today)))
            .OrderByDescending(o => o.Overdue).ThenBy(o => o.DueOn ?? DateOnly.MaxValue)
            .ToList();
        var en = Languages.Current == Languages.English;
        var overdue = open.Count(o => o.Overdue);
        return new Card("review-outputs", "Home.ReviewOutputs", open.Count,
            [
                new("ManagementReviews.OpenOutputs", open.Count, "/ManagementReviews"),
                new("Home.OverdueActions", overdue, "/ManagementReviews", overdue > 0),
            ],
            open.Take(Few).Select(o => new Row(o.Text, en ? o.DepartmentEn : o.DepartmentJa, o.DueOn,
                o.Status is { } status ? "ActionStatus." + status : "ManagementReviews.NotAssigned", $"/ManagementReviews/Details/{o.ManagementReviewId}", o.Overdue)).ToList(),
            "/ManagementReviews", "Home.NoReviewOutputs");
    }

    private async Task<Section> AdministrationAsync(CancellationToken cancellationToken)
    {
        var administrators = Recipients.InRole(db, Roles.Administrator);
        var unplaced = db.Users.AsNoTracking().Where(u => u.IsActive
            && (!db.UserRoles.Any(r => r.UserId == u.Id)
                || (u.DepartmentId == null && !administrators.Any(a => a.Id == u.Id))));
        var unplacedCount = await unplaced.CountAsync(cancellationToken);
        var unplacedRows = await unplaced.OrderBy(u => u.Email).Take(Few).Select(u => new { u.Id, u.DisplayName, u.Email, u.DepartmentId }).ToListAsync(cancellationToken);
        var users = new Card("users", "Home.UsersUnplaced", unplacedCount, [],
            unplacedRows.Select(u => new Row(u.DisplayName, u.Email, null, u.DepartmentId is null ? "Home.NoDepartment" : "Home.NoRoles", $"/Admin/Users/Edit/{u.Id}")).ToList(),
            "/Admin/Users", "Home.NoUsersUnplaced");

        var since = clock.Now.AddDays(-7);
        var failed = db.JobRuns.AsNoTracking().Where(j => !j.Succeeded && j.StartedAt >= since);
        var failedCount = await failed.CountAsync(cancellationToken);
        var failedRows = await failed.OrderByDescending(j => j.StartedAt).Take(Few).Select(j => new { j.JobName, j.Message, j.StartedAt }).ToListAsync(cancellationToken);
        var jobs = new Card("jobs", "Home.FailedJobs", failedCount, [],
            failedRows.Select(j => new Row(j.JobName, Short(j.Message), LocalDate(j.StartedAt), "Home.Failed", "/Admin/Jobs", true)).ToList(),
            "/Admin/Jobs", "Home.NoFailedJobs");

        var stuck = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Attempts > 0);
        var stuckCount = await stuck.CountAsync(cancellationToken);
        var stuckRows = await stuck.OrderBy(m => m.CreatedAt).Take(Few).Select(m => new { m.To, m.LastError, m.CreatedAt, m.Attempts }).ToListAsync(cancellationToken);
        var outbox = new Card("outbox", "Home.OutboxProblems", stuckCount, [],
            stuckRows.Select(m => new Row(m.To, Short(m.LastError), LocalDate(m.CreatedAt), "Home.NotSent", "/Admin/Outbox", true)).ToList(),
            "/Admin/Outbox", "Home.NoOutboxProblems");

        return new Section("administration", "Home.Section.Administration", null, [users, jobs, outbox]);
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 80 ? line : line[..79] + "…";
    }
}
