using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class InspectionScheduleConfiguration : IEntityTypeConfiguration<InspectionSchedule>
{
    public void Configure(EntityTypeBuilder<InspectionSchedule> builder)
    {
        builder.ToTable("inspection_schedules");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasOne(s => s.Catalog).WithMany().HasForeignKey(s => s.CatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Targets).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Recurrence).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CronExpression).HasMaxLength(200);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

public class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("inspections");
        builder.HasOne(i => i.Schedule).WithMany().HasForeignKey(i => i.ScheduleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.CatalogVersion).WithMany().HasForeignKey(i => i.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Contractor).WithMany().HasForeignKey(i => i.ContractorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.TargetKey).HasMaxLength(60);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        // Exactly once per schedule, target and period, however often the scheduler fires.
        builder.HasIndex(i => new { i.ScheduleId, i.TargetKey, i.PeriodStart }).IsUnique();
        builder.HasIndex(i => new { i.DepartmentId, i.Status });
        builder.HasIndex(i => new { i.Status, i.DueOn });
        // The dashboard's scans (a period's submitted inspections by department; the 12-period trend).
        builder.HasIndex(i => new { i.PeriodStart, i.Status, i.DepartmentId });
        builder.Property(i => i.Version).IsRowVersion();
    }
}

public class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("answers");
        builder.HasOne(a => a.Inspection).WithMany(i => i.Answers).HasForeignKey(a => a.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CheckItem).WithMany().HasForeignKey(a => a.CheckItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.InspectionId, a.CheckItemId }).IsUnique();
        builder.Property(a => a.Value).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.Property(a => a.ReviewComment).HasMaxLength(4000);
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("evidence");
        builder.HasOne(e => e.Answer).WithMany(a => a.Evidence).HasForeignKey(e => e.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.StoragePath).HasMaxLength(300);
    }
}

public class InspectionEventConfiguration : IEntityTypeConfiguration<InspectionEvent>
{
    public void Configure(EntityTypeBuilder<InspectionEvent> builder)
    {
        builder.ToTable("inspection_events");
        builder.HasOne<Inspection>().WithMany(i => i.Events).HasForeignKey(e => e.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(4000);
    }
}

public class DepartmentDelegateConfiguration : IEntityTypeConfiguration<DepartmentDelegate>
{
    public void Configure(EntityTypeBuilder<DepartmentDelegate> builder)
    {
        builder.ToTable("department_delegates");
        builder.HasKey(d => new { d.DepartmentId, d.UserId });
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.ToTable("corrective_actions");
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Department).WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inspection>().WithMany().HasForeignKey(a => a.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CheckItem>().WithMany().HasForeignKey(a => a.CheckItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManagementReview>().WithMany().HasForeignKey(a => a.ManagementReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Action).HasMaxLength(4000);
        builder.Property(a => a.RootCause).HasMaxLength(4000);
        builder.Property(a => a.EffectivenessNote).HasMaxLength(4000);
        builder.HasIndex(a => new { a.DepartmentId, a.Status });
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.DedupKey).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.Subject).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(500);
    }
}

public class NotificationStepConfiguration : IEntityTypeConfiguration<NotificationStep>
{
    public void Configure(EntityTypeBuilder<NotificationStep> builder)
    {
        builder.ToTable("notification_steps");
        builder.HasKey(s => new { s.UserId, s.DedupKey });
        builder.Property(s => s.DedupKey).HasMaxLength(300);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Notification).WithMany().HasForeignKey(s => s.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
