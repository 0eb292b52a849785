using Controls.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Controls.Bench;

/// <summary>
/// A throwaway database of the provider under test (docs/adr/0008), named by
/// <c>CONTROLS_BENCH_PROVIDER</c> (sqlite, the default, or postgresql; <c>bench/run --provider</c> sets it).
/// SQLite: a file in a temporary folder, removed afterwards. PostgreSQL: a database created on the
/// server <c>CONTROLS_BENCH_SERVER</c> names (bench/run starts a throwaway cluster) and dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? server;
    private readonly string? name;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? folder, string? server, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.server = server;
        this.name = name;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>An already seeded SQLite file (CONTROLS_BENCH_SQLITE_FILE): neither migrated, seeded nor deleted.</summary>
    public bool Reused { get; private init; }

    /// <summary>What Database:Provider says for this provider.</summary>
    public string ProviderSetting => Provider.ToString();

    /// <summary>ConnectionStrings:Controls for the app host, the command line and contexts.</summary>
    public string ConnectionString { get; }

    public static DatabaseProvider ProviderFromEnvironment() =>
        DatabaseSettings.ParseProvider(Environment.GetEnvironmentVariable("CONTROLS_BENCH_PROVIDER"));

    public static async Task<BenchDatabase> CreateAsync(string prefix)
    {
        var provider = ProviderFromEnvironment();
        if (provider == DatabaseProvider.Sqlite && Environment.GetEnvironmentVariable("CONTROLS_BENCH_SQLITE_FILE") is { Length: > 0 } kept)
        {
            // An existing bench database, kept (to look into one part without seeding again).
            return new BenchDatabase(provider, $"Data Source={Path.GetFullPath(kept)}", null, null, null) { Reused = File.Exists(kept) };
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("controls-bench-sqlite-").FullName;
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "controls.db")}", folder, null, null);
        }

        var server = Environment.GetEnvironmentVariable("CONTROLS_BENCH_SERVER");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException("CONTROLS_BENCH_PROVIDER is postgresql: set CONTROLS_BENCH_SERVER to a PostgreSQL server connection string (no database), or use bench/run, which starts a throwaway cluster");
        }

        var name = $"{prefix}_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await ExecuteAsync(server + ";Database=postgres", $"CREATE DATABASE {name}");
        return new BenchDatabase(provider, $"{server};Database={name}", null, server, name);
    }

    /// <summary>The settings the serving app builds from the same configuration (pooling, busy timeout and, on SQLite, its cache included).</summary>
    public DatabaseSettings Settings => DatabaseSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = ProviderSetting,
            ["ConnectionStrings:Controls"] = ConnectionString,
        }).Build(), AppContext.BaseDirectory) with
    { Serving = true };

    public AppDbContext Context() => DatabaseSetup.CreateContext(Settings);

    /// <summary>"SQLite" or "PostgreSQL", for the printed figures.</summary>
    public string Label => Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (folder is null)
            {
                return;
            }

            try
            {
                Directory.Delete(folder!, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server + ";Database=postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
