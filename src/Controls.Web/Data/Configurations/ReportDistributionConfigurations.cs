using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> builder)
    {
        builder.ToTable("report_schedules");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Period).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

public class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.ToTable("report_deliveries");
        builder.HasOne<ReportSchedule>().WithMany().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.PeriodKey).HasMaxLength(40);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.StoragePath).HasMaxLength(500);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        // Once per schedule and period, however often (and on however many nodes) the job runs.
        builder.HasIndex(d => new { d.ScheduleId, d.PeriodKey }).IsUnique();
    }
}
