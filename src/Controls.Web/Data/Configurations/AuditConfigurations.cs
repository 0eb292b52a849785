using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class AuditProgrammeConfiguration : IEntityTypeConfiguration<AuditProgramme>
{
    public void Configure(EntityTypeBuilder<AuditProgramme> builder)
    {
        builder.ToTable("audit_programmes");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.FiscalYear).IsUnique();
        builder.Property(p => p.Version).IsRowVersion();
    }
}

public class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ToTable("audits");
        builder.HasOne(a => a.Programme).WithMany(p => p.Audits).HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CatalogVersion).WithMany().HasForeignKey(a => a.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LeadAuditor).WithMany().HasForeignKey(a => a.LeadAuditorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ClosingReason).HasMaxLength(4000);
        builder.HasIndex(a => new { a.Status, a.WindowStart });
        builder.Property(a => a.RuleKey).HasMaxLength(200);
        builder.HasIndex(a => a.RuleKey).IsUnique();
        builder.HasOne<AuditRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Audit>().WithMany().HasForeignKey(a => a.FollowUpOfAuditId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public class AuditTeamMemberConfiguration : IEntityTypeConfiguration<AuditTeamMember>
{
    public void Configure(EntityTypeBuilder<AuditTeamMember> builder)
    {
        builder.ToTable("audit_team_members");
        builder.HasKey(m => new { m.AuditId, m.UserId });
        builder.HasOne<Audit>().WithMany(a => a.Team).HasForeignKey(m => m.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AuditTestConfiguration : IEntityTypeConfiguration<AuditTest>
{
    public void Configure(EntityTypeBuilder<AuditTest> builder)
    {
        builder.ToTable("audit_tests");
        builder.HasOne<Audit>().WithMany().HasForeignKey(t => t.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.MeasureCode).HasMaxLength(40);
        builder.Property(t => t.Procedure).HasMaxLength(4000);
        builder.Property(t => t.Inspected).HasMaxLength(4000);
        builder.Property(t => t.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.SampleItems).HasMaxLength(20000);
        builder.Property(t => t.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Notes).HasMaxLength(4000);
        builder.HasIndex(t => new { t.AuditId, t.MeasureCode }).IsUnique();
        builder.Property(t => t.Version).IsRowVersion();
    }
}

public class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings");
        builder.HasOne(f => f.Audit).WithMany().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Department).WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.CorrectiveAction).WithMany().HasForeignKey(f => f.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Classification).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.MeasureCode).HasMaxLength(40);
        builder.Property(f => f.CheckItemCode).HasMaxLength(40);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.Property(f => f.Evidence).HasMaxLength(4000);
        builder.HasIndex(f => f.CorrectiveActionId).IsUnique();
        builder.HasIndex(f => new { f.DepartmentId, f.Status });
        builder.Property(f => f.Version).IsRowVersion();
    }
}

public class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
    }
}

public class AuditRuleConfiguration : IEntityTypeConfiguration<AuditRule>
{
    public void Configure(EntityTypeBuilder<AuditRule> builder)
    {
        builder.ToTable("audit_rules");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Target).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Catalog>().WithMany().HasForeignKey(r => r.CatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsRowVersion();
    }
}
