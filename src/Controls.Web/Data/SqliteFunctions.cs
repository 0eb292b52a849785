using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controls.Web.Data;

/// <summary>
/// SQLite's own lower() folds ASCII only; searches lower both sides (<c>x.ToLower().Contains(term)</c>)
/// and must fold full-width and accented letters as PostgreSQL does. Each opened connection gets
/// a Unicode-aware lower() in place of the built-in one, and the settings that are per connection:
/// <c>synchronous=NORMAL</c> (safe with WAL: a power cut loses at most the last commits, never the
/// file); in the serving app also a 64 MB page cache and 256 MB of memory-mapped reads (bench/: the
/// dashboard's scans spent most of their system time in read calls without them). Command-line
/// verbs keep SQLite's small defaults: mapped pages count in a process's memory, and the
/// management-review export must stay under 200 MB.
/// </summary>
public sealed class SqliteFunctions : DbConnectionInterceptor
{
    public static readonly SqliteFunctions Serving = new("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;");
    public static readonly SqliteFunctions Command = new("PRAGMA synchronous=NORMAL;");

    private readonly string _pragmas;

    private SqliteFunctions(string pragmas) => _pragmas = pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
            using var pragmas = sqlite.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
        }
    }
}
