using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Controls.Web.Data;

/// <summary>Recognising the database's expected refusals the same way on both providers.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when the save broke a unique index (optionally the one named). PostgreSQL names the
    /// index; SQLite names its columns ("UNIQUE constraint failed: table.a, table.b"), which are
    /// matched against the named index of the model.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, AppDbContext db, string? indexName = null)
    {
        switch (exception.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                return indexName is null || postgres.ConstraintName == indexName;
            case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
                when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                return indexName is null || sqlite.Message.Contains(ColumnsOf(db, indexName), StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static string ColumnsOf(AppDbContext db, string indexName)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() == indexName)
                {
                    var table = entity.GetTableName();
                    return "constraint failed: " + string.Join(", ", index.Properties.Select(p => $"{table}.{p.GetColumnName()}"));
                }
            }
        }

        throw new InvalidOperationException($"No index {indexName} in the model.");
    }
}
