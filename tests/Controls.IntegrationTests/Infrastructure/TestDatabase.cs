using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL databases for tests: one template built from the migrations (once per
/// migration set, shared by all test processes), and a fresh copy of it per test class.
/// The server comes from CONTROLS_TEST_SERVER, which scripts/test sets.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string Server =>
        Environment.GetEnvironmentVariable("CONTROLS_TEST_SERVER") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "CONTROLS_TEST_SERVER is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL.");

    public static string ConnectionString(string database) => $"{Server};Database={database};Include Error Detail=true";

    /// <summary>A new database with every migration applied.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await TemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(name);
    }

    /// <summary>A new, empty database (for the schema comparison).</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "e_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    public static AppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            using (var probe = Context(ConnectionString("postgres")))
            {
                var migrations = string.Join(",", probe.Database.GetMigrations());
                _template = "tpl_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..16].ToLowerInvariant();
            }

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
                exists.Parameters.AddWithValue("name", _template);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = _template + "_build";
                    await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {building}");
                    await ExecuteAsync("postgres", $"CREATE DATABASE {building}");
                    await using (var db = Context(ConnectionString(building)))
                    {
                        await db.Database.MigrateAsync();
                    }

                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync("postgres", $"ALTER DATABASE {building} RENAME TO {_template}");
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(727001)", connection);
                await unlock.ExecuteNonQueryAsync();
            }

            return _template;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
