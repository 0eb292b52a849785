using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>
/// Real databases for tests, on the provider CONTROLS_TEST_PROVIDER names (sqlite, the default, or
/// postgresql; scripts/test runs the suite on each): one template built from the migrations (once
/// per migration set), and a fresh copy of it per test class.
/// SQLite: files under a temporary folder of this test process. PostgreSQL: databases on the
/// server CONTROLS_TEST_SERVER names (scripts/test starts a throwaway one).
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static DatabaseProvider Provider { get; } =
        DatabaseSettings.ParseProvider(Environment.GetEnvironmentVariable("CONTROLS_TEST_PROVIDER"));

    public static bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>This test process's folder for SQLite files (removed at exit).</summary>
    private static readonly Lazy<string> SqliteFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "controls-tests", Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    });

    public static string Server =>
        Environment.GetEnvironmentVariable("CONTROLS_TEST_SERVER") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "CONTROLS_TEST_PROVIDER is postgresql but CONTROLS_TEST_SERVER is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL.");

    public static string ConnectionString(string database) => IsSqlite
        ? $"Data Source={Path.Combine(SqliteFolder.Value, database + ".db")}"
        : $"{Server};Database={database};Include Error Detail=true";

    public static DatabaseSettings Settings(string connectionString) => DatabaseSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = Provider.ToString(),
            ["ConnectionStrings:Controls"] = connectionString,
        }).Build(), AppContext.BaseDirectory);

    /// <summary>A new database with every migration applied.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await TemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..20];
        if (IsSqlite)
        {
            File.Copy(Path.Combine(SqliteFolder.Value, template + ".db"), Path.Combine(SqliteFolder.Value, name + ".db"));
        }
        else
        {
            await ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {template}");
        }

        return ConnectionString(name);
    }

    /// <summary>A new, empty database.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "e_" + Guid.NewGuid().ToString("N")[..20];
        if (!IsSqlite)
        {
            await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        }

        return ConnectionString(name);
    }

    public static AppDbContext Context(string connectionString) => DatabaseSetup.CreateContext(Settings(connectionString));

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            string name;
            using (var probe = Context(ConnectionString("probe")))
            {
                var migrations = string.Join(",", probe.Database.GetMigrations());
                name = "tpl_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..16].ToLowerInvariant();
            }

            if (IsSqlite)
            {
                await BuildSqliteTemplateAsync(name);
            }
            else
            {
                await BuildPostgreSqlTemplateAsync(name);
            }

            _template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Migrated, checkpointed and closed, so the one file is the whole database.</summary>
    private static async Task BuildSqliteTemplateAsync(string name)
    {
        var connectionString = ConnectionString(name);
        await using (var db = Context(connectionString))
        {
            await DatabaseSetup.MigrateAsync(db);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task BuildPostgreSqlTemplateAsync(string name)
    {
        // Several test processes may start at once: one builds the template, the others wait.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(727001)", connection))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                var building = name + "_build";
                await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {building}");
                await ExecuteAsync("postgres", $"CREATE DATABASE {building}");
                await using (var db = Context(ConnectionString(building)))
                {
                    await DatabaseSetup.MigrateAsync(db);
                }

                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync("postgres", $"ALTER DATABASE {building} RENAME TO {name}");
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(727001)", connection);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs SQL on a database of the test provider (PostgreSQL: by name; SQLite: the file of that name).</summary>
    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = Open(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A plain ADO.NET connection of the test provider, for SQL the app would never run.</summary>
    public static DbConnection Open(string connectionString) =>
        IsSqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
}
