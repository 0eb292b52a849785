using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Actions;
using Controls.Web.Features.Incidents;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The personal iCalendar feed (RFC 5545): what is the person's to do, each item only where the
/// person may see it (the same access rules as the pages, applied to the feed owner's principal):
/// <list type="bullet">
/// <item>audits they lead or are on, or (as a department head) whose scope includes their
/// department; management, who approve the programme, every audit of it;</item>
/// <item>self-inspection due dates (not yet submitted) of the department they answer for (its head
/// or a named delegate); compliance officers every department's not yet accepted;</item>
/// <item>improvement and corrective action due dates (not yet implemented) of actions they own
/// and, for a department head, of their department; compliance officers every department's;</item>
/// <item>for auditors, implemented corrective actions waiting for their effectiveness check
/// (those they may verify: on the audit's team, not the owner, not their own department);</item>
/// <item>the preliminary and final report deadlines to the PPC of reportable incidents not yet
/// reported, in the incident register as they may see it (compliance officers and administrators
/// all, department heads their department's unless the register is restricted; management none).</item>
/// </list>
/// Every item is an all-day event with a stable UID (so a calendar app updates rather than
/// duplicates it), a summary in the person's language and a link to where the work is done.
/// The URL holds a random secret; only its SHA-256 is stored, and regenerating it makes the old URL
/// answer 404.
/// </summary>
public sealed class AuditCalendar(AppDbContext db, TimeProvider time, IUserClaimsPrincipalFactory<AppUser> principals, InspectionAccess inspectionAccess,
    UpdateActionStatus actionAccess, IncidentAccess incidentAccess, IOptions<IncidentOptions> incidentOptions, OrganisationClock clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>At most this many items of each kind (the earliest due first).</summary>
    public const int MaxPerKind = 1000;

    /// <summary>Where an item is worked on: a page, its route values and a fragment, as an absolute URL (calendar apps resolve nothing relative).</summary>
    public delegate Uri Link(string page, object? values = null, string? fragment = null);

    /// <summary>Replaces the user's secret and returns the new one (shown once, in the feed URL).</summary>
    public async Task<string> RegenerateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = Hash(token), CreatedAt = time.GetUtcNow() });
        }
        else
        {
            feed.TokenHash = Hash(token);
            feed.CreatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public Task<DateTimeOffset?> CreatedAtAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The feed for a token, or null when no active user has it.</summary>
    public async Task<string?> FeedAsync(string token, Link link, CancellationToken cancellationToken = default)
    {
        if (token.Length != 64)
        {
            return null;
        }

        var hash = Hash(token);
        var user = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => u)
            .SingleOrDefaultAsync(cancellationToken);
        if (user is not { IsActive: true })
        {
            return null;
        }

        var principal = await principals.CreateAsync(user);
        var language = user.PreferredLanguage == Languages.English ? Languages.English : Languages.Japanese;
        return Write(await EventsAsync(principal, language, link, cancellationToken), time.GetUtcNow());
    }

    /// <summary>Every item of the person's feed, by date.</summary>
    public async Task<List<Event>> EventsAsync(ClaimsPrincipal user, string language, Link link, CancellationToken cancellationToken = default)
    {
        string T(string key, params object[] args) => MessageText.Localize(l, language, key, args);
        var english = language == Languages.English;
        var me = DepartmentScope.UserId(user)!.Value;
        var complianceOfficer = user.IsInRole(Roles.ComplianceOfficer);
        var head = user.IsInRole(Roles.DepartmentHead) ? DepartmentScope.DepartmentOf(user) : null;
        var events = new List<Event>();

        var audits = db.Audits.AsNoTracking().AsQueryable();
        if (!user.IsInRole(Roles.Management))
        {
            audits = audits.Where(a => a.LeadAuditorId == me || a.Team.Any(m => m.UserId == me)
                || (head != null && (a.DepartmentIds.Contains(head.Value)
                    || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && c.OwningDepartmentId == head))));
        }

        events.AddRange((await audits.OrderBy(a => a.WindowStart).Take(MaxPerKind)
                .Select(a => new { a.Id, a.Title, a.WindowStart, a.WindowEnd, a.Status }).ToListAsync(cancellationToken))
            .Select(a => Audit(a.Id, a.Title, a.WindowStart, a.WindowEnd, a.Status, link("/Audits/Report", new { id = a.Id }))));

        var answering = await inspectionAccess.AnsweringDepartmentAsync(user, cancellationToken);
        if (complianceOfficer || answering is not null)
        {
            var inspections = (await inspectionAccess.VisibleAsync(user, cancellationToken)).AsNoTracking();
            inspections = complianceOfficer
                ? inspections.Where(i => i.Status != InspectionStatus.Accepted)
                : inspections.Where(i => i.DepartmentId == answering && (i.Status == InspectionStatus.NotStarted || i.Status == InspectionStatus.InProgress || i.Status == InspectionStatus.Returned));
            events.AddRange((await inspections.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(MaxPerKind)
                    .Select(i => new
                    {
                        i.Id,
                        i.DueOn,
                        Department = english ? i.Department.NameEn : i.Department.NameJa,
                        Contractor = i.Contractor == null ? null : i.Contractor.Name,
                        Catalog = english ? i.CatalogVersion.TitleEn : i.CatalogVersion.TitleJa,
                    })
                    .ToListAsync(cancellationToken))
                .Select(i => new Event($"inspection-{i.Id}@controls",
                    T("Feed.InspectionDue", $"{i.Department}{(i.Contractor is null ? "" : " · " + i.Contractor)} · {i.Catalog}"),
                    i.DueOn, i.DueOn, null, link("/Inspections/Answer", new { id = i.Id }))));
        }

        var actions = (await actionAccess.VisibleAsync(user, cancellationToken)).AsNoTracking()
            .Where(a => a.Status != CorrectiveActionStatus.Implemented && a.Status != CorrectiveActionStatus.Verified);
        if (!complianceOfficer)
        {
            actions = actions.Where(a => a.OwnerId == me || (head != null && a.DepartmentId == head));
        }

        events.AddRange((await actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(MaxPerKind)
                .Select(a => new
                {
                    a.Id,
                    a.Source,
                    a.Action,
                    a.DueOn,
                    a.InspectionId,
                    Item = db.CheckItems.Where(c => c.Id == a.CheckItemId).Select(c => c.Code).FirstOrDefault(),
                    Finding = db.Findings.Where(f => f.CorrectiveActionId == a.Id).Select(f => (Guid?)f.Id).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Select(a => new Event($"action-{a.Id}@controls",
                T(a.Source == CorrectiveActionSource.Inspection ? "Feed.ImprovementActionDue" : "Feed.CorrectiveActionDue", Short(a.Action)),
                a.DueOn, a.DueOn, null,
                a.Finding is { } finding ? link("/Audits/Finding", new { id = finding })
                : a.InspectionId is { } inspection ? link("/Inspections/Answer", new { id = inspection }, a.Item is null ? null : "item-" + a.Item)
                : link("/Actions/Index", new { Show = "all" }))));

        if (user.IsInRole(Roles.Auditor))
        {
            var waiting = await db.Findings.AsNoTracking().Include(f => f.Audit).ThenInclude(a => a.Team).Include(f => f.CorrectiveAction)
                .Where(f => f.CorrectiveAction != null && f.CorrectiveAction.Status == CorrectiveActionStatus.Implemented
                    && (f.Audit.LeadAuditorId == me || f.Audit.Team.Any(m => m.UserId == me)))
                .OrderBy(f => f.CorrectiveAction!.DueOn).Take(MaxPerKind)
                .ToListAsync(cancellationToken);
            events.AddRange(waiting.Where(f => Audits.AuditAccess.CanVerify(user, f, f.CorrectiveAction!))
                .Select(f =>
                {
                    var action = f.CorrectiveAction!;
                    var since = action.ImplementedAt is { } at ? DateOnly.FromDateTime(clock.ToLocal(at).DateTime) : action.DueOn;
                    return new Event($"verification-{action.Id}@controls", T("Feed.VerificationWaiting", Short(action.Action)), since, since, null,
                        link("/Audits/Finding", new { id = f.Id }));
                }));
        }

        var incidents = await (await incidentAccess.VisibleAsync(user)).AsNoTracking()
            .Where(i => i.PreliminaryReportedOn == null || i.FinalReportedOn == null)
            .OrderBy(i => i.AwareAt).Take(MaxPerKind)
            .ToListAsync(cancellationToken);
        foreach (var incident in incidents.Where(IncidentReportability.IsReportable))
        {
            var deadlines = IncidentDeadlines.Compute(incident.AwareAt, clock.Zone, incident.SuspectedMalice, incidentOptions.Value);
            var url = link("/Incidents/Details", new { id = incident.Id });
            if (incident.PreliminaryReportedOn is null)
            {
                events.Add(new Event($"incident-{incident.Id}-preliminary@controls", T("Feed.PreliminaryReportDue", incident.Title), deadlines.Preliminary, deadlines.Preliminary, null, url));
            }

            if (incident.FinalReportedOn is null)
            {
                events.Add(new Event($"incident-{incident.Id}-final@controls", T("Feed.FinalReportDue", incident.Title), deadlines.Final, deadlines.Final, null, url));
            }
        }

        return events.OrderBy(e => e.Start).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    /// <summary>The first line of a text, at most 60 characters (a calendar shows a line).</summary>
    private static string Short(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 60 ? line : line[..59] + "…";
    }

    /// <summary>One all-day event from <paramref name="Start"/> to <paramref name="End"/> (inclusive); <paramref name="Uid"/> names the item for good.</summary>
    public sealed record Event(string Uid, string Summary, DateOnly Start, DateOnly End, string? Status, Uri Url);

    /// <summary>An audit over its window, titled as it is, tentative while planned.</summary>
    public static Event Audit(Guid id, string title, DateOnly start, DateOnly end, AuditStatus status, Uri report) =>
        new($"audit-{id}@controls", title, start, end, status switch
        {
            AuditStatus.Cancelled => EventStatus.Cancelled,
            AuditStatus.Planned => EventStatus.Tentative,
            _ => EventStatus.Confirmed,
        }, report);

    /// <summary>
    /// An RFC 5545 calendar written by Ical.Net (CRLF, folding at 75 octets, TEXT escaping): one
    /// all-day event per item (DTEND exclusive), with its page as URL.
    /// </summary>
    public static string Write(IEnumerable<Event> events, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Controls//Calendar//JA", Scale = "GREGORIAN", Method = "PUBLISH" };
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(e.Start),
                DtEnd = new CalDateTime(e.End.AddDays(1)),
                Summary = e.Summary,
                Url = e.Url,
            };
            if (e.Status is { } status)
            {
                item.Status = status;
            }

            calendar.Events.Add(item);
        }

        return MendSplitCharacters(new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>
    /// Ical.Net 5.2.4 folds by UTF-16 code unit: a character outside the BMP (𠮷 as in 𠮷田, 𩸽,
    /// emoji) that meets a fold is cut between its surrogates, and reaches the client as two U+FFFD.
    /// Only then are the lines unfolded and folded again by whole characters; otherwise the
    /// library's output is returned as it is.
    /// </summary>
    internal static string MendSplitCharacters(string serialized)
    {
        var split = false;
        for (var i = 0; i + 1 < serialized.Length && !split; i++)
        {
            split = char.IsHighSurrogate(serialized[i]) && serialized[i + 1] == '\r';
        }

        if (!split)
        {
            return serialized;
        }

        var text = new StringBuilder(serialized.Length + 16);
        foreach (var line in serialized.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")[..^1])
        {
            text.Append(Fold(line)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Folds a content line so no physical line exceeds 75 octets (never inside a character).</summary>
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        return result.ToString();
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
