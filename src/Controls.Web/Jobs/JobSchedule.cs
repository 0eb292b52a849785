using Quartz;

namespace Controls.Web.Jobs;

/// <summary>Every scheduled job and its trigger, in one place, so the schedule reads at a glance.</summary>
public static class JobSchedule
{
    public static void Register(IQuartzBuilder quartz)
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        // Daily at 03:30 JST: prune expired data-protection keys and old job-run records.
        quartz.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key)
            .WithDescription("Prunes expired data-protection keys and job-run history"));
        quartz.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity("housekeeping-daily")
            .WithCronSchedule("0 30 3 * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

        // Every five minutes: the inspections whose period has begun. A misfire after downtime runs once on start (catch-up).
        quartz.AddJob<GenerateInspectionsJob>(j => j.WithIdentity(GenerateInspectionsJob.Key)
            .WithDescription("Creates each schedule's inspections when a period begins (and any missed periods)"));
        quartz.AddTrigger(t => t.ForJob(GenerateInspectionsJob.Key).WithIdentity("generate-inspections-5min")
            .WithCronSchedule("0 0/5 * * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        // Hourly at :00: reminders and escalations. Each step has a dedup key, so a missed run is caught
        // up by the next one (FireAndProceed) and a doubled run sends nothing twice.
        quartz.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key)
            .WithDescription("Reminds assignees before and after due dates; escalates overdue inspections and actions"));
        quartz.AddTrigger(t => t.ForJob(ReminderJob.Key).WithIdentity("reminders-hourly")
            .WithCronSchedule("0 0 * * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

        // Hourly at :10: reminders of the PPC reports of reportable incidents (dedup keys per incident and step).
        quartz.AddJob<IncidentReminderJob>(j => j.WithIdentity(IncidentReminderJob.Key)
            .WithDescription("Reminds of the preliminary and final reports of reportable incidents until they are recorded"));
        quartz.AddTrigger(t => t.ForJob(IncidentReminderJob.Key).WithIdentity("incident-reminders-hourly")
            .WithCronSchedule("0 10 * * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

        // Hourly at :10: audits planned by the programme rules (unique rule keys: once each), and scheduling
        // (with the auditees' notice) of those whose notice time has come.
        quartz.AddJob<PlanAuditsJob>(j => j.WithIdentity(PlanAuditsJob.Key)
            .WithDescription("Plans the audits of the programme rules and schedules them the notice days ahead"));
        quartz.AddTrigger(t => t.ForJob(PlanAuditsJob.Key).WithIdentity("plan-audits-hourly")
            .WithCronSchedule("0 10 * * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

        // Every minute: send the e-mails waiting in the outbox (due ones only: failures back off).
        quartz.AddJob<SendOutboxJob>(j => j.WithIdentity(SendOutboxJob.Key)
            .WithDescription("Sends the e-mails waiting in the outbox, retrying failures with back-off"));
        quartz.AddTrigger(t => t.ForJob(SendOutboxJob.Key).WithIdentity("send-outbox-every-minute")
            .WithCronSchedule("0 * * * * ?", c => c.InTimeZone(tokyo).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
    }
}
