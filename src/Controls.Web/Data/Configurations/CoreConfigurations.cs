using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using DataProtectionKey = Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey;

namespace Controls.Web.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5);
        builder.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

public class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.Property(d => d.Code).HasMaxLength(20);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameJa).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(100);
        builder.HasOne(d => d.Parent).WithMany(d => d.Children).HasForeignKey(d => d.ParentId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.HeadUser).WithMany().HasForeignKey(d => d.HeadUserId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.IsRetired);
    }
}

public class AuditTrailEntryConfiguration : IEntityTypeConfiguration<AuditTrailEntry>
{
    public void Configure(EntityTypeBuilder<AuditTrailEntry> builder)
    {
        builder.ToTable("audit_trail");
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Entity).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(100);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Entity, e.EntityKey });
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Sequence).IsUnique();
    }
}

public class AuditTrailVerificationConfiguration : IEntityTypeConfiguration<AuditTrailVerification>
{
    public void Configure(EntityTypeBuilder<AuditTrailVerification> builder)
    {
        builder.ToTable("audit_trail_verifications");
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.HeadHash).HasMaxLength(64);
        builder.Property(e => e.Problem).HasMaxLength(1000);
        builder.HasIndex(e => e.At);
    }
}

public class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> builder)
    {
        builder.ToTable("organisation_settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.NameJa).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

/// <summary>
/// The library's key entity (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore) in the table
/// the hand-written repository used, so the keys of an upgraded database are kept. The library
/// always writes the XML: it stays NOT NULL.
/// </summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).IsRequired();
    }
}

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.Property(r => r.JobName).HasMaxLength(200);
        builder.Property(r => r.NodeId).HasMaxLength(200);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}
