using Controls.Web.Data;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>A test about PostgreSQL only (e.g. upgrading its hand-written schema): skipped in the SQLite run.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.PostgreSql)
        {
            Skip = "PostgreSQL only: runs in scripts/test's PostgreSQL pass";
        }
    }
}

/// <summary>A test about the SQLite default only (e.g. scripts/run's local file): skipped in the PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only: runs in scripts/test's SQLite pass";
        }
    }
}
