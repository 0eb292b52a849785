using Controls.Web.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace Controls.Web.Jobs;

/// <summary>
/// Where Hangfire keeps its queues, schedules and history (docs/adr/0009). Nothing of the business
/// lives there: a damaged store can be deleted and is rebuilt at the next start.
/// </summary>
public static class JobStore
{
    /// <summary>How often idle workers look for work (Hangfire.Storage.SQLite's default ran jobs in 15 s bunches).</summary>
    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);

    public const string PostgreSqlSchema = "hangfire";

    /// <summary>SQLite: its own file beside the database (never the app's file); PostgreSQL: the app's database, schema <c>hangfire</c>.</summary>
    public static JobStorage Create(DatabaseSettings database)
    {
        if (database.JobsDatabasePath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = QueuePollInterval });
        }

        var options = new PostgreSqlStorageOptions { SchemaName = PostgreSqlSchema, PrepareSchemaIfNecessary = true, QueuePollInterval = QueuePollInterval };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, options, null), options);
    }
}
