using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Files;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Reports.Distribution;

/// <summary>
/// Scheduled distribution of the management-review workbook (定期配信): for each active schedule, the
/// period that is due on a day (the previous month or fiscal quarter, or the fiscal year to its end)
/// is generated once — the unique (schedule, period) index decides, whatever the number of runs or
/// nodes — stored in the evidence store, and each recipient is notified once with a download link
/// (dedup key per delivery). A run after downtime catches up the period that is due then.
/// </summary>
public sealed class DistributeReports(
    AppDbContext db, ManagementReviewWorkbook workbook, EvidenceStore store, Notifier notifier, OrganisationClock clock, TimeProvider time,
    ILogger<DistributeReports> logger)
{
    private const string UniqueIndex = "ix_report_deliveries_schedule_id_period_key";

    public sealed record Result(int Generated, int Notified);

    /// <summary>The period a schedule's workbook covers when it runs on <paramref name="today"/>.</summary>
    public static ReportPeriod DuePeriod(DistributionFrequency frequency, DistributionPeriod period, DateOnly today, int fiscalStart)
    {
        ReportPeriod previous;
        if (frequency == DistributionFrequency.Monthly)
        {
            var month = today.AddMonths(-1);
            previous = ReportPeriod.Month(month.Year, month.Month);
        }
        else
        {
            var fiscalYear = ReportPeriod.FiscalYearOf(today, fiscalStart);
            var monthsIn = ((today.Year - fiscalYear) * 12) + today.Month - fiscalStart;
            previous = ReportPeriod.Quarter(fiscalYear, (monthsIn / 3) + 1, fiscalStart).Previous(fiscalStart);
        }

        if (period == DistributionPeriod.PreviousPeriod)
        {
            return previous;
        }

        var year = ReportPeriod.FiscalYear(ReportPeriod.FiscalYearOf(previous.Start, fiscalStart), fiscalStart);
        return previous.End == year.End ? year : ReportPeriod.Range(year.Start, previous.End);
    }

    public async Task<Result> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var schedules = await db.ReportSchedules.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        int generated = 0, notified = 0;
        foreach (var schedule in schedules)
        {
            var period = DuePeriod(schedule.Frequency, schedule.Period, today, clock.Settings.FiscalYearStartMonth);
            var delivery = await db.ReportDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.ScheduleId == schedule.Id && d.PeriodKey == period.Key, cancellationToken);
            if (delivery is null)
            {
                (delivery, var created) = await GenerateAsync(schedule, period, cancellationToken);
                generated += created ? 1 : 0;
            }

            // Checked again at every run: someone who no longer sees every department is not sent the link.
            var stillEligible = await EligibleRecipients(db).Where(u => delivery.RecipientIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
            foreach (var recipient in delivery.RecipientIds.Where(stillEligible.Contains))
            {
                var sent = await notifier.NotifyAsync(
                    recipient, $"report-delivery:{delivery.Id}", "report", "Distribution.Notify.Subject", "Distribution.Notify.Body",
                    [schedule.Name, period.Key, Date(period.Start), Date(period.End)], DownloadLink(delivery.Id), cancellationToken);
                notified += sent ? 1 : 0;
            }
        }

        return new Result(generated, notified);
    }

    public static string DownloadLink(Guid deliveryId) => $"/Reports/Distribution/Download/{deliveryId}";

    /// <summary>
    /// Who may receive (and download) the workbook, which covers every department: active users with a
    /// role that sees every department (<see cref="Roles.SeeingEveryDepartment"/>) — never a department
    /// head or a delegate only. Checked when a schedule is saved, when the workbook is generated and
    /// sent, and when it is downloaded, so a recipient whose role changed stops receiving it.
    /// </summary>
    public static IQueryable<AppUser> EligibleRecipients(AppDbContext db) => Recipients.ActiveInAnyRole(db, Roles.SeeingEveryDepartment);

    /// <summary>Who a schedule's workbook goes to now: its chosen users who may still receive it, or every active user with the management role.</summary>
    public async Task<List<Guid>> RecipientsAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        var chosen = schedule.RecipientIds;
        var users = chosen.Count > 0
            ? EligibleRecipients(db).Where(u => chosen.Contains(u.Id))
            : Recipients.ActiveInRole(db, Roles.Management);
        return await users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
    }

    private async Task<(ReportDelivery Delivery, bool Created)> GenerateAsync(ReportSchedule schedule, ReportPeriod period, CancellationToken cancellationToken)
    {
        // Written to a temporary file first (the workbook streams; a fiscal year is tens of MB), then into the store.
        var temporary = Path.GetTempFileName();
        EvidenceStore.Stored stored;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            await workbook.WriteAsync(file, new ReportFilter(period), schedule.Language, cancellationToken);
            file.Position = 0;
            stored = await store.SaveAsync(file, cancellationToken);
        }

        var delivery = new ReportDelivery
        {
            Id = Guid.NewGuid(),
            ScheduleId = schedule.Id,
            PeriodKey = period.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            Language = schedule.Language,
            FileName = ManagementReviewWorkbook.FileName(period),
            StoragePath = stored.StoragePath,
            Sha256 = stored.Sha256,
            Size = stored.Size,
            RecipientIds = await RecipientsAsync(schedule, cancellationToken),
            GeneratedAt = time.GetUtcNow(),
        };
        db.ReportDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Generated the workbook of schedule {Schedule} for {Period} ({Size} bytes)", schedule.Id, period.Key, stored.Size);
            return (delivery, true);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db, UniqueIndex))
        {
            // Another run generated this period meanwhile: keep theirs.
            db.ChangeTracker.Clear();
            store.Delete(stored.StoragePath);
            var existing = await db.ReportDeliveries.AsNoTracking().SingleAsync(d => d.ScheduleId == schedule.Id && d.PeriodKey == period.Key, cancellationToken);
            return (existing, false);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
}
