using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The personal iCalendar feed (RFC 5545) of the audits a user leads, is on the team of, or (as a
/// department head) whose scope includes their department. The URL holds a random secret; only its
/// SHA-256 is stored, and regenerating it makes the old URL answer 404.
/// </summary>
public sealed class AuditCalendar(AppDbContext db, TimeProvider time)
{
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

    /// <summary>
    /// The feed for a token, or null when no active user has it. <paramref name="reportUrl"/> gives
    /// an audit's report page as an absolute URL (calendar apps resolve nothing relative).
    /// </summary>
    public async Task<string?> FeedAsync(string token, Func<Guid, Uri> reportUrl, CancellationToken cancellationToken = default)
    {
        if (token.Length != 64)
        {
            return null;
        }

        var hash = Hash(token);
        var user = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { u.Id, u.IsActive, u.DepartmentId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is not { IsActive: true })
        {
            return null;
        }

        var headRole = Roles.DepartmentHead.ToUpperInvariant();
        var isHead = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == headRole), cancellationToken);
        var department = isHead ? user.DepartmentId : null;
        var audits = await db.Audits.AsNoTracking()
            .Where(a => a.LeadAuditorId == user.Id || a.Team.Any(m => m.UserId == user.Id)
                || (department != null && (a.DepartmentIds.Contains(department.Value)
                    || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && c.OwningDepartmentId == department))))
            .OrderBy(a => a.WindowStart)
            .Select(a => new Event(a.Id, a.Title, a.WindowStart, a.WindowEnd, a.Status))
            .ToListAsync(cancellationToken);
        return Write(audits, time.GetUtcNow(), reportUrl);
    }

    public sealed record Event(Guid Id, string Title, DateOnly Start, DateOnly End, AuditStatus Status);

    /// <summary>
    /// An RFC 5545 calendar written by Ical.Net (CRLF, folding at 75 octets, TEXT escaping): one
    /// all-day event per audit over its window (DTEND exclusive), its report page as URL.
    /// </summary>
    public static string Write(IEnumerable<Event> events, DateTimeOffset now, Func<Guid, Uri> reportUrl)
    {
        var calendar = new Calendar { ProductId = "-//Controls//Internal audits//JA", Scale = "GREGORIAN", Method = "PUBLISH" };
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"audit-{e.Id}@controls",
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(e.Start),
                DtEnd = new CalDateTime(e.End.AddDays(1)),
                Summary = e.Title,
                Status = e.Status switch
                {
                    AuditStatus.Cancelled => EventStatus.Cancelled,
                    AuditStatus.Planned => EventStatus.Tentative,
                    _ => EventStatus.Confirmed,
                },
                Url = reportUrl(e.Id),
            });
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
