using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Controls.Web.Infrastructure.Time;

/// <summary>
/// Converts stored UTC instants to the organisation's time zone (default Asia/Tokyo) for
/// display, and reads the organisation's settings (cached briefly; saved settings evict it).
/// </summary>
public sealed class OrganisationClock(AppDbContext db, IMemoryCache cache, TimeProvider time)
{
    private const string CacheKey = "organisation-settings";

    public OrganisationSettings Settings =>
        cache.GetOrCreate(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.OrganisationSettings.AsNoTracking().SingleOrDefault(s => s.Id == Domain.OrganisationSettings.SingletonId)
                ?? new OrganisationSettings();
        })!;

    public static void Forget(IMemoryCache cache) => cache.Remove(CacheKey);

    public TimeZoneInfo Zone => FindZone(Settings.TimeZone);

    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Date and time as shown on every page: 2026/11/21 17:05 (JST).</summary>
    public string Format(DateTimeOffset? instant)
    {
        if (instant is null)
        {
            return "";
        }

        var local = ToLocal(instant.Value);
        return local.ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string FormatDate(DateTimeOffset? instant) =>
        instant is null ? "" : ToLocal(instant.Value).ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static bool IsKnownZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
