using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class InspectionScoreConfiguration : IEntityTypeConfiguration<InspectionScore>
{
    public void Configure(EntityTypeBuilder<InspectionScore> builder)
    {
        builder.ToTable("inspection_scores");
        builder.HasKey(s => new { s.InspectionId, s.Category });
        builder.Property(s => s.Category).HasMaxLength(40);
        builder.HasOne<Inspection>().WithMany().HasForeignKey(s => s.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
