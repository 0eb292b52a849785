using System.Globalization;
using System.Xml.Linq;
using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Housekeeping;

/// <summary>
/// Deletes data-protection keys that expired more than <see cref="Retention"/> ago (nothing they
/// protected can still be valid) and job-run records older than that.
/// </summary>
public sealed class PruneExpiredData(AppDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public sealed record Result(int Keys, int JobRuns);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Retention;

        var keys = await db.DataProtectionKeys.Select(k => new { k.Id, k.Xml }).ToListAsync(cancellationToken);
        var expired = keys.Where(k => ExpiresAt(k.Xml) is { } expires && expires < cutoff).Select(k => k.Id).ToList();
        var deletedKeys = expired.Count == 0 ? 0
            : await db.DataProtectionKeys.Where(k => expired.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken);

        var deletedRuns = await db.JobRuns.Where(r => r.FinishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return new Result(deletedKeys, deletedRuns);
    }

    /// <summary>
    /// The key's <c>&lt;expirationDate&gt;</c>. It stays readable when the key ring is encrypted at
    /// rest: only the key's secret (its descriptor) is encrypted.
    /// </summary>
    internal static DateTimeOffset? ExpiresAt(string? xml)
    {
        if (xml is null)
        {
            return null;
        }

        try
        {
            var value = XElement.Parse(xml).Element("expirationDate")?.Value;
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
