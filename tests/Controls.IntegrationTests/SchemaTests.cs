using Controls.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Controls.IntegrationTests;

/// <summary>
/// Migrations are hand-written, so this is the guard: a database built from the migrations must
/// have exactly the schema of one built from the model.
/// </summary>
public class SchemaTests
{
    [Fact]
    public async Task Migrations_produce_exactly_the_models_schema()
    {
        var migrated = await TestDatabase.CreateEmptyAsync();
        await using (var db = TestDatabase.Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var db = TestDatabase.Context(fromModel))
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        }

        var expected = await SchemaAsync(fromModel);
        var actual = await SchemaAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Except(actual).ToList(), []);   // in the model, missing from the migrations
        Assert.Equal(actual.Except(expected).ToList(), []);   // in the migrations, not in the model
    }

    [Fact]
    public async Task Migrations_seed_the_five_roles_and_the_settings_row()
    {
        var migrated = await TestDatabase.CreateAsync();
        await using var db = TestDatabase.Context(migrated);
        Assert.Equal(
            ["Administrator", "Auditor", "ComplianceOfficer", "DepartmentHead", "Management"],
            await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        var settings = await db.OrganisationSettings.SingleAsync();
        Assert.Equal("Asia/Tokyo", settings.TimeZone);
        Assert.Equal(4, settings.FiscalYearStartMonth);
    }

    /// <summary>Columns, indexes and constraints of the app's tables, one line each.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '')
                   || ' ' || coalesce(numeric_precision::text, '') || ' null=' || is_nullable || ' identity=' || is_identity
                   || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz%' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT LIKE 'qrtz%' AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT LIKE 'qrtz%' AND c.conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """;
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
