using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> builder)
    {
        builder.ToTable("contractors");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Services).HasMaxLength(2000);
        builder.Property(c => c.EntrustedData).HasMaxLength(2000);
        builder.Property(c => c.Subcontractors).HasMaxLength(2000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.OwningDepartment).WithMany().HasForeignKey(c => c.OwningDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Version).IsRowVersion();
    }
}
