using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
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

    /// <summary>The feed for a token, or null when no active user has it.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
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
        return Write(audits, time.GetUtcNow());
    }

    public sealed record Event(Guid Id, string Title, DateOnly Start, DateOnly End, AuditStatus Status);

    /// <summary>An RFC 5545 calendar: CRLF lines folded at 75 octets, text escaped, all-day events (DTEND exclusive).</summary>
    public static string Write(IEnumerable<Event> events, DateTimeOffset now)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(Fold(line)).Append("\r\n");
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Controls//Internal audits//JA");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:audit-{e.Id}@controls");
            Line($"DTSTAMP:{stamp}");
            Line($"DTSTART;VALUE=DATE:{e.Start:yyyyMMdd}");
            Line($"DTEND;VALUE=DATE:{e.End.AddDays(1):yyyyMMdd}");
            Line($"SUMMARY:{Escape(e.Title)}");
            Line($"STATUS:{(e.Status == AuditStatus.Cancelled ? "CANCELLED" : e.Status == AuditStatus.Planned ? "TENTATIVE" : "CONFIRMED")}");
            Line($"URL:/Audits/Report/{e.Id}");
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return text.ToString();
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Folds a content line so no physical line exceeds 75 octets (never inside a UTF-8 character).</summary>
    public static string Fold(string line)
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
