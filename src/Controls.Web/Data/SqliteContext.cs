using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Controls.Web.Data;

/// <summary>
/// SQLite, the default (one node, one file). What differs from PostgreSQL:
/// <list type="bullet">
/// <item>instants (<see cref="DateTimeOffset"/>) are stored as UTC ticks (INTEGER), so they order
/// and compare correctly in SQL (SQLite has no timestamp type; raw SQL must pass ticks);</item>
/// <item>ids are lower-case text, as <see cref="Guid.ToString()"/> writes them;</item>
/// <item>the concurrency token is an application-managed <c>version</c> column, incremented here
/// for every modified row (SQLite has no xmin; <c>ExecuteUpdate</c> must bump it itself).</item>
/// </list>
/// Migrations: Data/Migrations/Sqlite.
/// </summary>
public sealed class SqliteContext(DbContextOptions<SqliteContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // Ids as .NET writes them (lower case), so an id turned into text in SQL, or kept in a JSON
        // array column, equals the id turned into text in C# (SQLite's own mapping is upper case).
        builder.Properties<Guid>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite keeps a table apart from its composite primary key: the dashboard reads every
        // score row of a period, so the scores are also kept in one covering index (bench/: one
        // B-tree search per row instead of two).
        builder.Entity<Domain.InspectionScore>()
            .HasIndex(s => new { s.InspectionId, s.Category, s.Points, s.Counted })
            .HasDatabaseName("ix_inspection_scores_covering");
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            // Lists of ids (JSON arrays) hold them as the id columns do: lower-case text.
            if (property.GetElementType() is { ClrType: var element } elementType && element == typeof(Guid))
            {
                elementType.SetValueConverter(new GuidToStringConverter());
            }

            if (IsRowVersion(property))
            {
                // Starts at 1 (also for rows inserted by SQL; forms send 0 for "no row yet"), moved on by BumpVersions.
                property.SetDefaultValue(1u);
                property.ValueGenerated = ValueGenerated.Never;
            }
        }
    }

    /// <summary>UTC ticks, as <see cref="UtcTicksConverter"/> stores instants (a DateTimeOffset parameter would be sent as text and compare wrongly).</summary>
    public override object ForSql(DateTimeOffset instant) => instant.UtcTicks;

    /// <summary>Lower-case text, as the ids are stored here.</summary>
    public override object ForSql(Guid id) => id.ToString();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A new row starts at version 1 (as PostgreSQL's xmin, never 0, which forms send for "no row
    /// yet"); each modified row gets version + 1. The UPDATE's WHERE keeps the version the row was
    /// read with, so a concurrent edit matches no row and EF reports the conflict.
    /// </summary>
    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (VersionOf(entry) is not { } version)
            {
                continue;
            }

            if (entry.State == EntityState.Added && (uint)version.CurrentValue! == 0)
            {
                version.CurrentValue = 1u;
            }
            else if (entry.State == EntityState.Modified)
            {
                version.CurrentValue = (uint)version.OriginalValue! + 1;
            }
        }
    }

    private static PropertyEntry? VersionOf(EntityEntry entry) =>
        entry.Metadata.GetProperties().FirstOrDefault(IsRowVersion) is { } version ? entry.Property(version.Name) : null;

    /// <summary>An instant as UTC ticks; read back with offset zero (as PostgreSQL's timestamptz).</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without a database file.</summary>
public sealed class SqliteContextDesignFactory : IDesignTimeDbContextFactory<SqliteContext>
{
    public SqliteContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContext>().UseSqlite("Data Source=design.db").Options);
}
