using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Controls.Web.Data;

/// <summary>
/// PostgreSQL, for more than one app node. The concurrency token is the row's <c>xmin</c> system
/// column; the audit trail's changes are text, kept byte for byte as hashed (jsonb would reorder them); instants are written in UTC.
/// Migrations: Data/Migrations/PostgreSql.
/// </summary>
public sealed class PostgreSqlContext(DbContextOptions<PostgreSqlContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>
    /// Npgsql writes only UTC instants to timestamptz; an instant with another offset (e.g. a
    /// Tokyo time) is turned into UTC first, as SQLite's ticks are: the same moment on both.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTimeOffset>().HaveConversion<InUtc>();
    }

    private sealed class InUtc() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(), value => value);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            // A uint row version is PostgreSQL's xmin system column.
            if (IsRowVersion(property))
            {
                property.SetColumnName("xmin");
            }
        }
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlContextDesignFactory : IDesignTimeDbContextFactory<PostgreSqlContext>
{
    public PostgreSqlContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlContext>().UseNpgsql("Host=localhost;Database=controls_design").Options);
}
