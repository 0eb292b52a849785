using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Every scheduled job and its trigger, in one place, so the schedule reads at a glance.</summary>
public static class JobSchedule
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static void Register(IQuartzBuilder quartz)
    {
        // Daily at 03:30 JST: prune expired data-protection keys and old job-run records.
        Cron<HousekeepingJob>(quartz, HousekeepingJob.Key, "housekeeping-daily", "0 30 3 * * ?",
            "Prunes expired data-protection keys and job-run history");

        // Every five minutes: the inspections whose period has begun. A misfire after downtime runs once on start (catch-up).
        Cron<GenerateInspectionsJob>(quartz, GenerateInspectionsJob.Key, "generate-inspections-5min", "0 0/5 * * * ?",
            "Creates each schedule's inspections when a period begins (and any missed periods)");

        // Hourly at :00: reminders and escalations. Each step has a dedup key, so a missed run is caught
        // up by the next one (FireAndProceed) and a doubled run sends nothing twice.
        Cron<ReminderJob>(quartz, ReminderJob.Key, "reminders-hourly", "0 0 * * * ?",
            "Reminds assignees before and after due dates; escalates overdue inspections and actions");

        // Hourly at :10: reminders of the PPC reports of reportable incidents (dedup keys per incident and step).
        Cron<IncidentReminderJob>(quartz, IncidentReminderJob.Key, "incident-reminders-hourly", "0 10 * * * ?",
            "Reminds of the preliminary and final reports of reportable incidents until they are recorded");

        // Hourly at :10: audits planned by the programme rules (unique rule keys: once each), and scheduling
        // (with the auditees' notice) of those whose notice time has come.
        Cron<PlanAuditsJob>(quartz, PlanAuditsJob.Key, "plan-audits-hourly", "0 10 * * * ?",
            "Plans the audits of the programme rules and schedules them the notice days ahead");

        // Every minute: send the e-mails waiting in the outbox (due ones only: failures back off).
        // A missed minute is not made up: the next run takes whatever is due.
        Cron<SendOutboxJob>(quartz, SendOutboxJob.Key, "send-outbox-every-minute", "0 * * * * ?",
            "Sends the e-mails waiting in the outbox, retrying failures with back-off", CronTriggerMisfireInstruction.DoNothing);

        // Daily at 08:00 JST: the annual review of each ledger entry (dedup keys per entry, review cycle and step).
        Cron<LedgerReviewReminderJob>(quartz, LedgerReviewReminderJob.Key, "ledger-review-reminders-daily", "0 0 8 * * ?",
            "Reminds of the annual review of ledger entries; escalates overdue ones to the compliance officers");

        // Daily at 08:05 JST: annual training reminders (once per person and fiscal year, their department head told).
        Cron<TrainingReminderJob>(quartz, TrainingReminderJob.Key, "training-reminders-daily", "0 5 8 * * ?",
            "Reminds people not trained within 12 months to take the mandatory training");
        // Daily at 06:00 JST: the scheduled management-review workbooks that are due (once per schedule and period).
        Cron<ReportDistributionJob>(quartz, ReportDistributionJob.Key, "report-distribution-daily", "0 0 6 * * ?",
            "Generates the scheduled management-review workbooks that are due and notifies their recipients");
    }

    /// <summary>A job with one cron trigger in Tokyo time; by default a missed fire runs once when the scheduler is back.</summary>
    private static void Cron<TJob>(IQuartzBuilder quartz, JobKey key, string trigger, string cron, string description,
        CronTriggerMisfireInstruction misfire = CronTriggerMisfireInstruction.FireAndProceed)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(key).WithDescription(description));
        quartz.AddTrigger(t => t.ForJob(key).WithIdentity(trigger)
            .WithCronSchedule(cron, c => c.InTimeZone(Tokyo).WithMisfireInstruction(misfire)));
    }
}
