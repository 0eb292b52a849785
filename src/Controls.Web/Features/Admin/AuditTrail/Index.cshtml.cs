using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Admin.AuditTrail;

/// <summary>
/// Who changed what, when: the audit trail, filtered and paged, newest first, in the reader's words
/// (<see cref="TrailReading"/>). Administrators and compliance officers read all of it, sign-ins and
/// refused requests included (PageAccess).
/// </summary>
public class IndexModel(AppDbContext db, OrganisationClock clock, TrailReading reading, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The entities in the trail (recorded name, display name), by display name.</summary>
    public List<(string Entity, string Name)> Entities { get; private set; } = [];
    /// <summary>The last run of the tamper check (none yet: null).</summary>
    public AuditTrailVerification? LastVerification { get; private set; }
    public List<TrailReading.Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        LastVerification = await db.AuditTrailVerifications.AsNoTracking().OrderByDescending(v => v.Id).FirstOrDefaultAsync();
        Entities = (await db.AuditTrail.Select(e => e.Entity).Distinct().ToListAsync())
            .Select(e => (e, reading.Entity(e))).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();
        var rows = await Filtered().OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = await reading.ReadAsync(rows.Take(PageSize).ToList());
    }

    /// <summary>Runs the tamper check now (recorded like a command-line run) and shows its result.</summary>
    public async Task<IActionResult> OnPostVerifyAsync([FromServices] Infrastructure.AuditTrail.VerifyAuditTrail verify, CancellationToken cancellationToken)
    {
        await verify.RunAsync(cancellationToken);
        return RedirectToPage();
    }

    /// <summary>CSV or Excel of every entry the current filters show (all pages), newest first.</summary>
    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        List<Controls.Web.Infrastructure.Excel.XlsxColumn> columns =
        [
            new(l["Export.At"], 17, Infrastructure.Excel.XlsxKind.DateTime), new(l["Export.Actor"], 24), new(l["Export.Entity"], 18),
            new(l["AuditTrail.Record"], 30), new(l["Export.Key"], 38), new(l["Export.Action"], 10), new(l["Export.Changes"], 60),
        ];
        return Infrastructure.Excel.ListExport.WriteAsync(this, format, "audit-trail", l["Nav.AuditTrail"], columns, ExportRows(cancellationToken), clock, cancellationToken);
    }

    /// <summary>The filtered entries in batches, each read as the page shows them.</summary>
    private async IAsyncEnumerable<object?[]> ExportRows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var entries = await Filtered().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(skip).Take(batch).ToListAsync(cancellationToken);
            foreach (var row in await reading.ReadAsync(entries, cancellationToken))
            {
                yield return [clock.ToLocal(row.At), Infrastructure.CurrentActor.Shown(row.Actor, l), row.Entity, row.Record, row.Key, l["AuditTrail." + row.Action].Value, TrailReading.Describe(row)];
            }

            if (entries.Count < batch)
            {
                yield break;
            }
        }
    }

    private IQueryable<AuditTrailEntry> Filtered()
    {
        var query = db.AuditTrail.AsNoTracking();
        if (!string.IsNullOrEmpty(Entity))
        {
            query = query.Where(e => e.Entity == Entity);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            var key = Key.Trim();
            query = query.Where(e => e.EntityKey.Contains(key));
        }

        // Dates are the organisation's calendar days.
        if (From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["Entity"] = Entity ?? "",
        ["Actor"] = Actor ?? "",
        ["Key"] = Key ?? "",
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
