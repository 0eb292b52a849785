using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Controls.Web.Features.Incidents;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// The personal calendar feed holds the person's work beyond audits: inspection and action due
/// dates, effectiveness checks waiting, incident report deadlines — each only where the person may
/// see it, with stable UIDs, summaries in their language and links to the item.
/// </summary>
public class PersonalCalendarFeedTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Creates the person's feed on the calendar page (as they would) and reads it without signing in, as a calendar app does.</summary>
    private async Task<(List<CalendarEvent> Events, string Text, Uri Url)> FeedAsync(HttpClient client)
    {
        var created = await client.FollowAsync(await client.SubmitFormAsync("/Audits/Calendar", [], "[data-testid=regenerate-form]"));
        var url = new Uri(created.QuerySelector("[data-testid=feed-url]")!.TextContent.Trim());
        var (events, text) = await ReadAsync(url);
        return (events, text, url);
    }

    private async Task<(List<CalendarEvent> Events, string Text)> ReadAsync(Uri url)
    {
        var response = await app.Anonymous().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!.Events.ToList(), text);
    }

    private async Task<CorrectiveAction> ActionAsync(Guid departmentId, Guid ownerId, string text, CorrectiveActionSource source = CorrectiveActionSource.Inspection,
        CorrectiveActionStatus status = CorrectiveActionStatus.Open)
    {
        await using var db = app.Db();
        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = source,
            DepartmentId = departmentId,
            Action = text,
            OwnerId = ownerId,
            DueOn = new DateOnly(2026, 12, 20),
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = ownerId,
            ImplementedAt = status == CorrectiveActionStatus.Implemented ? new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero) : null,
        };
        db.CorrectiveActions.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    private async Task<Incident> ReportableIncidentAsync(Guid departmentId, string title, DateOnly? preliminaryReportedOn = null)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = title,
            Kind = IncidentKind.Leakage,
            DiscoveredAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            AwareAt = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
            DepartmentId = departmentId,
            PeopleCount = 1001,
            ReportableDecision = true,
            PreliminaryReportedOn = preliminaryReportedOn,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = Guid.NewGuid(),
        };
        await using var db = app.Db();
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident;
    }

    [Fact]
    public async Task A_department_heads_feed_has_their_inspection_and_action_due_dates_and_no_other_departments()
    {
        var (mine, head, client) = await app.DepartmentWithHeadAsync();
        var (other, otherHead, _) = await app.DepartmentWithHeadAsync();
        var ours = await app.CreateInspectionAsync(mine.Id);
        var theirs = await app.CreateInspectionAsync(other.Id);
        var ourAction = await ActionAsync(mine.Id, head.Id, "施錠の手順を見直す\n二行目");
        var theirAction = await ActionAsync(other.Id, otherHead.Id, "他部門の改善");

        var (events, text, url) = await FeedAsync(client);
        var inspection = Assert.Single(events, e => e.Uid == $"inspection-{ours.Id}@controls");
        Assert.True(inspection.IsAllDay);
        Assert.Equal(ours.DueOn, inspection.DtStart!.Date);
        Assert.Equal(ours.DueOn.AddDays(1), inspection.DtEnd!.Date);
        Assert.StartsWith("自己点検の期限: " + mine.NameJa, inspection.Summary);
        Assert.Equal(new Uri(app.Anonymous().BaseAddress!, $"/Inspections/Answer/{ours.Id}"), inspection.Url);

        var action = Assert.Single(events, e => e.Uid == $"action-{ourAction.Id}@controls");
        Assert.Equal("改善計画の期限: 施錠の手順を見直す", action.Summary);
        Assert.Equal(new DateOnly(2026, 12, 20), action.DtStart!.Date);
        Assert.True(action.IsAllDay);

        Assert.DoesNotContain(events, e => e.Uid == $"inspection-{theirs.Id}@controls" || e.Uid == $"action-{theirAction.Id}@controls");
        // Every inspection and action in the feed is of the head's department.
        var ids = events.Select(e => e.Uid!).Where(u => u.StartsWith("inspection-", StringComparison.Ordinal) || u.StartsWith("action-", StringComparison.Ordinal))
            .Select(u => Guid.Parse(u.Split('-', 2)[1].Replace("@controls", "", StringComparison.Ordinal))).ToList();
        var departments = await app.QueryAsync(async db =>
            (await db.Inspections.Where(i => ids.Contains(i.Id)).Select(i => i.DepartmentId).ToListAsync())
            .Concat(await db.CorrectiveActions.Where(a => ids.Contains(a.Id)).Select(a => a.DepartmentId).ToListAsync()).ToList());
        Assert.Equal(ids.Count, departments.Count);
        Assert.All(departments, d => Assert.Equal(mine.Id, d));
        Assert.Contains("BEGIN:VCALENDAR", text);

        // Stable: read again, the same items under the same UIDs (a calendar app updates, not duplicates).
        var (again, _) = await ReadAsync(url);
        Assert.Equal(events.Select(e => e.Uid).Order(), again.Select(e => e.Uid).Order());

        // Once submitted, the inspection is no longer the head's to do; once implemented, neither is the action.
        await using (var db = app.Db())
        {
            (await db.Inspections.FindAsync(ours.Id))!.Status = InspectionStatus.Submitted;
            (await db.CorrectiveActions.FindAsync(ourAction.Id))!.Status = CorrectiveActionStatus.Implemented;
            await db.SaveChangesAsync();
        }

        var (after, _) = await ReadAsync(url);
        Assert.DoesNotContain(after, e => e.Uid == $"inspection-{ours.Id}@controls" || e.Uid == $"action-{ourAction.Id}@controls");
    }

    [Fact]
    public async Task A_feed_is_in_its_owners_language()
    {
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id, language: "en");
        var inspection = await app.CreateInspectionAsync(department.Id);

        var (events, _, _) = await FeedAsync(await app.SignInAsync(head));
        Assert.StartsWith("Self-inspection due: " + department.NameEn, Assert.Single(events, e => e.Uid == $"inspection-{inspection.Id}@controls").Summary);
    }

    [Fact]
    public async Task A_compliance_officers_feed_has_the_incident_report_deadlines_and_management_and_other_heads_do_not()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var open = await ReportableIncidentAsync(department.Id, "顧客名簿の誤送信 " + Guid.NewGuid().ToString("N")[..6]);
        var halfDone = await ReportableIncidentAsync(department.Id, "USBメモリの紛失 " + Guid.NewGuid().ToString("N")[..6], preliminaryReportedOn: new DateOnly(2026, 12, 3));
        var deadlines = IncidentDeadlines.Compute(open.AwareAt, Tokyo, false, new IncidentOptions());

        var (events, _, _) = await FeedAsync(officer);
        var preliminary = Assert.Single(events, e => e.Uid == $"incident-{open.Id}-preliminary@controls");
        Assert.Equal(deadlines.Preliminary, preliminary.DtStart!.Date);
        Assert.True(preliminary.IsAllDay);
        Assert.Equal($"個人情報保護委員会への速報の期限: {open.Title}", preliminary.Summary);
        Assert.Equal(new Uri(app.Anonymous().BaseAddress!, $"/Incidents/Details/{open.Id}"), preliminary.Url);
        Assert.Equal(deadlines.Final, Assert.Single(events, e => e.Uid == $"incident-{open.Id}-final@controls").DtStart!.Date);
        // The preliminary report is in: only the final report is left.
        Assert.DoesNotContain(events, e => e.Uid == $"incident-{halfDone.Id}-preliminary@controls");
        Assert.Single(events, e => e.Uid == $"incident-{halfDone.Id}-final@controls");

        // The department's head sees their department's register; management and another head do not.
        var (headEvents, _, _) = await FeedAsync(head);
        Assert.Contains(headEvents, e => e.Uid == $"incident-{open.Id}-final@controls");
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        Assert.DoesNotContain((await FeedAsync(management)).Events, e => e.Uid!.StartsWith("incident-", StringComparison.Ordinal));
        var (_, _, stranger) = await app.DepartmentWithHeadAsync();
        Assert.DoesNotContain((await FeedAsync(stranger)).Events, e => e.Uid!.Contains(open.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_auditors_feed_has_the_corrective_actions_waiting_for_their_verification()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (audited, auditeeHead, _) = await app.DepartmentWithHeadAsync();
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var outsider = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = await PlanAsync(officer, AuditForm("検証待ち " + Guid.NewGuid().ToString("N")[..6], lead.Id, [audited.Id]));
        var action = await ActionAsync(audited.Id, auditeeHead.Id, "アクセス権の棚卸しを毎月行う", CorrectiveActionSource.AuditFinding, CorrectiveActionStatus.Implemented);
        var findingId = Guid.NewGuid();
        await using (var db = app.Db())
        {
            db.Findings.Add(new Finding
            {
                Id = findingId,
                AuditId = auditId,
                Classification = FindingClass.MinorNonconformity,
                MeasureCode = "POL-1",
                CheckItemCode = "POL-1-01",
                Description = "棚卸しの記録がない",
                DepartmentId = audited.Id,
                Status = FindingStatus.Open,
                CorrectiveActionId = action.Id,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedById = lead.Id,
            });
            await db.SaveChangesAsync();
        }

        var (events, _, _) = await FeedAsync(await app.SignInAsync(lead));
        var waiting = Assert.Single(events, e => e.Uid == $"verification-{action.Id}@controls");
        Assert.Equal("有効性の確認待ち: アクセス権の棚卸しを毎月行う", waiting.Summary);
        Assert.Equal(new DateOnly(2026, 12, 1), waiting.DtStart!.Date); // implemented 2026-11-30 16:00 UTC = 12/1 in Tokyo
        Assert.Equal(new Uri(app.Anonymous().BaseAddress!, $"/Audits/Finding/{findingId}"), waiting.Url);
        Assert.Contains(events, e => e.Uid == $"audit-{auditId}@controls");

        Assert.DoesNotContain((await FeedAsync(await app.SignInAsync(outsider))).Events, e => e.Uid!.StartsWith("verification-", StringComparison.Ordinal));
    }
}
