using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Controls.Web.Data;

/// <summary>
/// Opening, configuring and migrating the database on either provider: one place, used by the
/// app, the command line, the tests and the benchmarks.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>
    /// The last of the hand-written PostgreSQL migrations (2026-11): a database that has it is
    /// exactly the schema of <see cref="PostgreSqlBaseline"/> (the schema test proved the model
    /// equal to them), so it adopts the generated baseline instead of running it.
    /// </summary>
    public const string LastHandWrittenMigration = "20261121100000_IncidentRestriction";

    public const string PostgreSqlBaseline = "20261206000000_Baseline";

    public static DbContextOptionsBuilder UseControlsDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(settings.ConnectionString),
            _ => options.UseSqlite(settings.ConnectionString)
                .AddInterceptors(settings.Serving ? SqliteFunctions.Serving : SqliteFunctions.Command),
        };

    public static IServiceCollection AddControlsDbContext(this IServiceCollection services, DatabaseSettings settings,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        services.AddSingleton(settings);
        void Options(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            options.UseControlsDatabase(settings);
            configure?.Invoke(provider, options);
        }

        return settings.Provider switch
        {
            DatabaseProvider.PostgreSql => services.AddDbContext<AppDbContext, PostgreSqlContext>(Options),
            _ => services.AddDbContext<AppDbContext, SqliteContext>(Options),
        };
    }

    /// <summary>A context outside dependency injection (tests, benchmarks, a second connection).</summary>
    public static AppDbContext CreateContext(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlContext((DbContextOptions<PostgreSqlContext>)new DbContextOptionsBuilder<PostgreSqlContext>().UseControlsDatabase(settings).Options),
        _ => new SqliteContext((DbContextOptions<SqliteContext>)new DbContextOptionsBuilder<SqliteContext>().UseControlsDatabase(settings).Options),
    };

    /// <summary>A second context on the same database with the same options (e.g. for a query in parallel).</summary>
    public static AppDbContext Another(this AppDbContext db)
    {
        var options = db.GetService<IDbContextOptions>();
        return db switch
        {
            PostgreSqlContext => new PostgreSqlContext((DbContextOptions<PostgreSqlContext>)options),
            _ => new SqliteContext((DbContextOptions<SqliteContext>)options),
        };
    }

    /// <summary>
    /// Applies pending migrations. SQLite: creates the file's folder and turns on WAL (readers
    /// never wait for the writer). PostgreSQL: a database made by the hand-written migrations of
    /// 2026-11 adopts the generated baseline first, keeping every row.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.IsSqlite)
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await AdoptBaselineAsync(db, cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        // Entries written before the audit trail was chained get their places once (idempotent).
        await Infrastructure.AuditTrail.AuditTrailChain.ChainExistingEntriesAsync(db, cancellationToken);
        if (db.IsSqlite)
        {
            // SQLite plans with the statistics it has: gather them where they are missing or stale.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
    }

    private static async Task AdoptBaselineAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var check = new NpgsqlCommand(
                "SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL", connection);
            if (await check.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }

            await using var adopt = new NpgsqlCommand("""
                DO $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = @last)
                     AND NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = @baseline) THEN
                    DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" < @baseline;
                    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES (@baseline, '10.0.15');
                  END IF;
                END $$;
                """.Replace("@last", $"'{LastHandWrittenMigration}'").Replace("@baseline", $"'{PostgreSqlBaseline}'"), connection);
            await adopt.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
