using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class StatementMeasureConfiguration : IEntityTypeConfiguration<StatementMeasure>
{
    public void Configure(EntityTypeBuilder<StatementMeasure> builder)
    {
        builder.ToTable("statement_measures");
        builder.HasKey(m => new { m.CatalogKey, m.MeasureCode });
        builder.Property(m => m.CatalogKey).HasMaxLength(100);
        builder.Property(m => m.MeasureCode).HasMaxLength(20);
        builder.Property(m => m.WordingJa).HasMaxLength(StatementMeasure.WordingLength);
        builder.Property(m => m.WordingEn).HasMaxLength(StatementMeasure.WordingLength);
        builder.Property(m => m.WithheldReason).HasMaxLength(StatementMeasure.ReasonLength);
        builder.Property(m => m.Version).IsRowVersion();
    }
}

public class StatementCountryNoteConfiguration : IEntityTypeConfiguration<StatementCountryNote>
{
    public void Configure(EntityTypeBuilder<StatementCountryNote> builder)
    {
        builder.ToTable("statement_country_notes");
        builder.HasKey(n => n.CountryCode);
        builder.Property(n => n.CountryCode).HasMaxLength(2);
        builder.Property(n => n.NoteJa).HasMaxLength(StatementCountryNote.NoteLength);
        builder.Property(n => n.NoteEn).HasMaxLength(StatementCountryNote.NoteLength);
        builder.Property(n => n.Version).IsRowVersion();
    }
}

public class StatementVersionConfiguration : IEntityTypeConfiguration<StatementVersion>
{
    public void Configure(EntityTypeBuilder<StatementVersion> builder)
    {
        builder.ToTable("statement_versions");
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Property(v => v.WarningReason).HasMaxLength(StatementVersion.ReasonLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}
