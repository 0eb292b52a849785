using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> builder)
    {
        builder.ToTable("management_reviews");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Chair).HasMaxLength(ManagementReview.NameLength);
        builder.Property(r => r.Attendees).HasMaxLength(ManagementReview.TextLength);
        builder.Property(r => r.Complaints).HasMaxLength(ManagementReview.TextLength);
        builder.Property(r => r.ChangesInCircumstances).HasMaxLength(ManagementReview.TextLength);
        builder.Property(r => r.OtherInputs).HasMaxLength(ManagementReview.TextLength);
        builder.Property(r => r.Conclusion).HasMaxLength(ManagementReview.TextLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.HeldOn);
        builder.Property(r => r.Version).IsRowVersion();
    }
}

public class ManagementReviewOutputConfiguration : IEntityTypeConfiguration<ManagementReviewOutput>
{
    public void Configure(EntityTypeBuilder<ManagementReviewOutput> builder)
    {
        builder.ToTable("management_review_outputs");
        builder.HasOne(o => o.ManagementReview).WithMany(r => r.Outputs).HasForeignKey(o => o.ManagementReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.CorrectiveAction).WithMany().HasForeignKey(o => o.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Text).HasMaxLength(ManagementReview.TextLength);
        builder.HasIndex(o => new { o.ManagementReviewId, o.Number }).IsUnique();
        builder.HasIndex(o => o.CorrectiveActionId).IsUnique();
        builder.Property(o => o.Version).IsRowVersion();
    }
}
