using Microsoft.Data.Sqlite;

namespace Controls.Web.Data;

/// <summary>Which database engine keeps the organisation's data (docs/adr/0008).</summary>
public enum DatabaseProvider
{
    /// <summary>One file, one node: the default, needs nothing but the .NET SDK.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for more than one app node.</summary>
    PostgreSql,
}

/// <summary>
/// The database settings, read once from configuration: <c>Database:Provider</c> (Sqlite, the
/// default, or PostgreSql) and <c>ConnectionStrings:Controls</c>. With SQLite and no connection
/// string the data lives in <c>.data/controls.db</c> of the checkout (or of the content root of a
/// published app); the background jobs keep their own store beside it (<see cref="JobsDatabasePath"/>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string DefaultFileName = "controls.db";

    /// <summary>SQLite waits this long for another writer before it reports "database is locked".</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>For the serving app (long-lived, memory to spare), not a command-line verb.</summary>
    public bool Serving { get; init; }

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = ParseProvider(configuration[ProviderKey]);
        var connectionString = configuration.GetConnectionString("Controls");
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException(
                    "Database:Provider is PostgreSql but no database is configured: set ConnectionStrings__Controls (Npgsql format, e.g. Host=db;Database=controls;Username=controls;Password=…).")
                : new DatabaseSettings(provider, connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Data Source=" + Path.Combine(DefaultDataDirectory(contentRoot), DefaultFileName);
        }

        return new DatabaseSettings(provider, Sqlite(connectionString));
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not known: use Sqlite (the default, one node) or PostgreSql."),
    };

    /// <summary>The SQLite database file (absolute), or null for PostgreSQL.</summary>
    public string? DatabasePath => IsSqlite ? Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource) : null;

    /// <summary>
    /// The background jobs' own SQLite file beside the database (controls.db → controls-jobs.db):
    /// nothing of the business lives there, so a damaged job store can be deleted and is rebuilt.
    /// </summary>
    public string? JobsDatabasePath => DatabasePath is { } path
        ? Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-jobs" + Path.GetExtension(path))
        : null;

    /// <summary>The checkout's .data folder when run from a checkout, else the content root's.</summary>
    private static string DefaultDataDirectory(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Controls.sln")))
            {
                return Path.Combine(directory.FullName, ".data");
            }
        }

        return Path.Combine(contentRoot, ".data");
    }

    /// <summary>A SQLite connection string with the pooling and busy timeout the app relies on.</summary>
    private static string Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException("SQLite needs a database file (Data Source=path/to/controls.db); an in-memory database would lose everything at exit.");
        }

        return builder.ToString();
    }
}
