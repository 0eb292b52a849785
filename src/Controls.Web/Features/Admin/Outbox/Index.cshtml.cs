using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Mail;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Outbox;

/// <summary>
/// The mail outbox: pending, failing (with attempts and the last error) and sent messages; retry a
/// failing message, or all of them, now. The page shows the newest <see cref="Shown"/>; the export
/// (CSV, Excel) holds every message the filter selects. Administrators only.
/// </summary>
public class IndexModel(AppDbContext db, IMailSender sender, TimeProvider time, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Shown = 200;
    public static readonly string[] Statuses = ["unsent", "failing", "pending", "sent", "all"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "unsent";

    public bool MailConfigured { get; private set; }
    public int Pending { get; private set; }
    public int Failing { get; private set; }
    public int Sent { get; private set; }
    public List<OutboxMessage> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = Filtered();
        MailConfigured = sender.IsConfigured;
        var counts = await db.OutboxMessages
            .GroupBy(m => m.SentAt != null ? 2 : m.Attempts > 0 ? 1 : 0)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync();
        Pending = counts.SingleOrDefault(c => c.State == 0)?.Count ?? 0;
        Failing = counts.SingleOrDefault(c => c.State == 1)?.Count ?? 0;
        Sent = counts.SingleOrDefault(c => c.State == 2)?.Count ?? 0;

        Rows = await query.Take(Shown).ToListAsync();
    }

    /// <summary>CSV or Excel of every message the status filter selects, newest first (not only the first <see cref="Shown"/>).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        XlsxColumn[] columns =
        [
            new(l["Outbox.Created"], 17, XlsxKind.DateTime), new(l["Outbox.To"], 30), new(l["Outbox.Subject"], 40), new(l["Outbox.Status"], 10),
            new(l["Export.SentAt"], 17, XlsxKind.DateTime), new(l["Outbox.Attempts"], 8), new(l["Outbox.NextAttempt"], 17, XlsxKind.DateTime),
            new(l["Outbox.LastError"], 50),
        ];
        var (pending, failing, sent) = (l["Outbox.Pending"].Value, l["Outbox.Failing"].Value, l["Outbox.Sent"].Value);
        var rows = Filtered().Select(m => new { m.CreatedAt, m.To, m.Subject, m.SentAt, m.Attempts, m.NextAttemptAt, m.LastError }).AsAsyncEnumerable().Select(m => new object?[]
        {
            clock.ToLocal(m.CreatedAt), m.To, m.Subject, m.SentAt is not null ? sent : m.Attempts > 0 ? failing : pending,
            ListExport.Local(clock, m.SentAt), m.Attempts, m.SentAt is null ? clock.ToLocal(m.NextAttemptAt) : null, m.LastError,
        });
        return await ListExport.WriteAsync(this, format, "outbox", l["Nav.Outbox"], columns, rows, clock, cancellationToken);
    }

    /// <summary>The messages of the status filter, newest first (the page and its export); an unknown status is "unsent".</summary>
    private IQueryable<OutboxMessage> Filtered()
    {
        if (!Statuses.Contains(Status))
        {
            Status = "unsent";
        }

        var query = db.OutboxMessages.AsNoTracking();
        query = Status switch
        {
            "failing" => query.Where(m => m.SentAt == null && m.Attempts > 0),
            "pending" => query.Where(m => m.SentAt == null && m.Attempts == 0),
            "sent" => query.Where(m => m.SentAt != null),
            "all" => query,
            _ => query.Where(m => m.SentAt == null),
        };
        return query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
    }

    /// <summary>Makes one unsent message due now: the next send run (every minute) takes it.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.SentAt }).SingleOrDefaultAsync();
        if (message is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var updated = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now));
        TempData["Message"] = updated == 0 ? l["Outbox.AlreadySent"].Value : l["Outbox.RetryQueued"].Value;
        return RedirectToPage(new { Status });
    }

    public async Task<IActionResult> OnPostRetryAllAsync()
    {
        var now = time.GetUtcNow();
        var updated = await db.OutboxMessages.Where(m => m.SentAt == null && m.Attempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now));
        TempData["Message"] = l["Outbox.RetryAllQueued", updated].Value;
        return RedirectToPage(new { Status });
    }
}
