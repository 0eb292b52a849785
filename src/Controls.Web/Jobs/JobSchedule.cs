using Hangfire;

namespace Controls.Web.Jobs;

/// <summary>
/// Every recurring job and its schedule, in one place, so the schedule reads at a glance. Cron
/// expressions are Hangfire's (minute hour day month weekday) on the organisation's wall clock
/// (Admin → Organisation settings: time zone; Asia/Tokyo by default). <see cref="Register"/> runs at
/// every start (AddOrUpdate: a change here reaches an existing job store) and again when an
/// administrator changes the time zone. Retries and overlap are declared on each job class.
/// </summary>
public static class JobSchedule
{
    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone)
    {
        var options = new RecurringJobOptions { TimeZone = zone };

        // Daily at 03:30: prune expired data-protection keys and old job-run records.
        jobs.AddOrUpdate<HousekeepingJob>(HousekeepingJob.Name, j => j.RunAsync(CancellationToken.None), "30 3 * * *", options);

        // Every five minutes: the inspections whose period has begun (and any missed periods).
        jobs.AddOrUpdate<GenerateInspectionsJob>(GenerateInspectionsJob.Name, j => j.RunAsync(CancellationToken.None), "*/5 * * * *", options);

        // Hourly at :00: reminders and escalations. Each step has a dedup key, so a missed run is
        // caught up by the next one and a doubled run sends nothing twice.
        jobs.AddOrUpdate<ReminderJob>(ReminderJob.Name, j => j.RunAsync(CancellationToken.None), "0 * * * *", options);

        // Hourly at :10: reminders of the PPC reports of reportable incidents (dedup keys per incident and step).
        jobs.AddOrUpdate<IncidentReminderJob>(IncidentReminderJob.Name, j => j.RunAsync(CancellationToken.None), "10 * * * *", options);

        // Hourly at :10: audits planned by the programme rules (unique rule keys: once each), and
        // scheduling (with the auditees' notice) of those whose notice time has come.
        jobs.AddOrUpdate<PlanAuditsJob>(PlanAuditsJob.Name, j => j.RunAsync(CancellationToken.None), "10 * * * *", options);

        // Every minute: the e-mails waiting in the outbox (due ones only: failures back off).
        jobs.AddOrUpdate<SendOutboxJob>(SendOutboxJob.Name, j => j.RunAsync(CancellationToken.None), "* * * * *", options);

        // Daily at 08:00: the annual review of each ledger entry (dedup keys per entry, review cycle and step).
        jobs.AddOrUpdate<LedgerReviewReminderJob>(LedgerReviewReminderJob.Name, j => j.RunAsync(CancellationToken.None), "0 8 * * *", options);

        // Daily at 08:10: the yearly re-assessment of each ledger entry's risks (dedup keys per entry, cycle and step; one notice per head and run).
        jobs.AddOrUpdate<RiskAssessmentReminderJob>(RiskAssessmentReminderJob.Name, j => j.RunAsync(CancellationToken.None), "10 8 * * *", options);

        // Daily at 08:15: data subjects' requests due within three days or overdue (dedup keys per request, due date and step).
        jobs.AddOrUpdate<RequestReminderJob>(RequestReminderJob.Name, j => j.RunAsync(CancellationToken.None), "15 8 * * *", options);

        // Daily at 08:05: annual training reminders (once per person and fiscal year, their department head told).
        jobs.AddOrUpdate<TrainingReminderJob>(TrainingReminderJob.Name, j => j.RunAsync(CancellationToken.None), "5 8 * * *", options);

        // Daily at 04:00: the audit trail's hash chain is verified; administrators are told if it was tampered with.
        jobs.AddOrUpdate<AuditTrailVerificationJob>(AuditTrailVerificationJob.Name, j => j.RunAsync(CancellationToken.None), "0 4 * * *", options);

        // Daily at 06:00: the scheduled management-review workbooks that are due (once per schedule and period).
        jobs.AddOrUpdate<ReportDistributionJob>(ReportDistributionJob.Name, j => j.RunAsync(CancellationToken.None), "0 6 * * *", options);
    }

    /// <summary>The name a job's runs are recorded under (job_runs.job_name): its recurring job id.</summary>
    public static string NameOf(Type job) =>
        job.GetField("Name", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetRawConstantValue() as string ?? job.Name;
}
