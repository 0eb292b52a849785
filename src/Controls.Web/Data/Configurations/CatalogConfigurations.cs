using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class CatalogConfiguration : IEntityTypeConfiguration<Catalog>
{
    public void Configure(EntityTypeBuilder<Catalog> builder)
    {
        builder.ToTable("catalogs");
        builder.Property(c => c.Key).HasMaxLength(100);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Target).HasMaxLength(20);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

public class CatalogVersionConfiguration : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> builder)
    {
        builder.ToTable("catalog_versions");
        builder.HasOne(v => v.Catalog).WithMany(c => c.Versions).HasForeignKey(v => v.CatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CatalogId, v.Number }).IsUnique();
        builder.Property(v => v.Label).HasMaxLength(50);
        builder.Property(v => v.Guideline).HasMaxLength(500);
        builder.Property(v => v.TitleJa).HasMaxLength(500);
        builder.Property(v => v.TitleEn).HasMaxLength(500);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
    }
}

public class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("measures");
        builder.HasOne(m => m.CatalogVersion).WithMany(v => v.Measures).HasForeignKey(m => m.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CatalogVersionId, m.Code }).IsUnique();
        builder.Property(m => m.Code).HasMaxLength(20);
        builder.Property(m => m.Category).HasMaxLength(40);
        builder.Property(m => m.Recurrence).HasMaxLength(20);
        builder.Property(m => m.TitleJa).HasMaxLength(500);
        builder.Property(m => m.TitleEn).HasMaxLength(500);
    }
}

public class CheckItemConfiguration : IEntityTypeConfiguration<CheckItem>
{
    public void Configure(EntityTypeBuilder<CheckItem> builder)
    {
        builder.ToTable("check_items");
        builder.HasOne(i => i.Measure).WithMany(m => m.Items).HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MeasureId, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(30);
        builder.Property(i => i.Clause).HasMaxLength(30);
    }
}
