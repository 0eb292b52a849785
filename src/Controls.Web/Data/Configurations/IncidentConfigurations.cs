using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public const int TextLength = 4000;

    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Contractor).WithMany().HasForeignKey(i => i.ContractorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.DataSets).HasMaxLength(TextLength);
        builder.Property(i => i.DataItems).HasMaxLength(TextLength);
        builder.Property(i => i.Description).HasMaxLength(TextLength);
        builder.Property(i => i.Cause).HasMaxLength(TextLength);
        builder.Property(i => i.SecondaryHarm).HasMaxLength(TextLength);
        builder.Property(i => i.ResponseToIndividuals).HasMaxLength(TextLength);
        builder.Property(i => i.Publication).HasMaxLength(TextLength);
        builder.Property(i => i.RecurrencePrevention).HasMaxLength(TextLength);
        builder.Property(i => i.Other).HasMaxLength(TextLength);
        builder.Property(i => i.DecisionReason).HasMaxLength(TextLength);
        builder.Property(i => i.IndividualsNotification).HasMaxLength(TextLength);
        builder.HasIndex(i => new { i.DepartmentId, i.AwareAt });
        builder.Property(i => i.Version).IsRowVersion();
    }
}
