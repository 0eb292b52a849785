using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class FindingRecheckConfiguration : IEntityTypeConfiguration<FindingRecheck>
{
    public void Configure(EntityTypeBuilder<FindingRecheck> builder)
    {
        builder.ToTable("finding_rechecks");
        builder.HasOne<Audit>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Finding).WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.HasIndex(r => new { r.AuditId, r.FindingId }).IsUnique();
        builder.HasIndex(r => r.FindingId);
        builder.Property(r => r.Version).IsRowVersion();
    }
}

public class AuditEvidenceConfiguration : IEntityTypeConfiguration<AuditEvidence>
{
    public void Configure(EntityTypeBuilder<AuditEvidence> builder)
    {
        builder.ToTable("audit_evidence");
        builder.HasOne<Audit>().WithMany().HasForeignKey(e => e.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.MeasureCode).HasMaxLength(40);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.StoragePath).HasMaxLength(300);
        builder.HasIndex(e => new { e.AuditId, e.MeasureCode });
    }
}
