using System.Diagnostics;
using Controls.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Controls.IntegrationTests;

/// <summary>
/// scripts/run's database bootstrap, for real, with nothing but the .NET SDK: a fresh SQLite file
/// is created, migrated and seeded; a second start reuses it and keeps its data. scripts/controls
/// works on the same database and takes relative paths from the directory it is called in.
/// </summary>
public class ScriptsRunTests
{
    [SqliteFact]
    public async Task A_fresh_start_creates_the_database_and_a_second_start_reuses_its_data()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "controls-run-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        try
        {
            var first = await RunAsync(dataDir, "prepare");
            Assert.True(first.Exit == 0, first.Output);
            Assert.Contains("Seeded the demo organisation", first.Output);
            // db migrate imports the built-in catalogs; scripts/run's own import then finds them unchanged.
            Assert.Contains("built-in catalog appi-security-measures: imported 1", first.Output);
            Assert.True(File.Exists(Path.Combine(dataDir, "controls.db")));
            Assert.False(Directory.Exists(Path.Combine(dataDir, "postgres")));

            var connection = $"Data Source={Path.Combine(dataDir, "controls.db")};Pooling=false";
            await ExecuteAsync(connection, "UPDATE organisation_settings SET name_en = 'Kept across restarts'");

            var validate = await RunAsync(dataDir, RepositoryRoot.File(), "controls", "catalog", "validate", "checklists/appi-security-measures.yaml");
            Assert.True(validate.Exit == 0, validate.Output);
            Assert.Contains("OK: checklists/appi-security-measures.yaml", validate.Output);
            var export = await RunAsync(dataDir, dataDir, "controls", "export", "management-review", "--from", "2026-04-01", "--to", "2026-06-30", "--lang", "en", "--out", "review.xlsx");
            Assert.True(export.Exit == 0, export.Output);
            Assert.True(File.Exists(Path.Combine(dataDir, "review.xlsx")), export.Output);

            Assert.Equal(0, (await RunAsync(dataDir, "stop")).Exit);
            var second = await RunAsync(dataDir, "prepare");
            Assert.True(second.Exit == 0, second.Output);
            Assert.Contains("the demo seed was not applied", second.Output);
            Assert.Contains("Unchanged: appi-security-measures (version 1)", second.Output);
            Assert.Equal("Kept across restarts", await ScalarAsync(connection, "SELECT name_en FROM organisation_settings"));
            Assert.Equal(16L, await ScalarAsync(connection, "SELECT count(*) FROM users"));
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        }
        finally
        {
            await RunAsync(dataDir, "stop");
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [SqliteFact]
    public async Task Pointed_at_a_database_of_its_own_choosing_it_does_not_seed_the_demo_accounts()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "controls-run-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        try
        {
            var production = Path.Combine(dataDir, "production.db");
            var run = await RunWithEnvironmentAsync(dataDir, RepositoryRoot.File(), "run", new() { ["ConnectionStrings__Controls"] = $"Data Source={production}" }, "prepare");
            Assert.True(run.Exit == 0, run.Output);
            Assert.Contains("Not seeding the demo organisation", run.Output);
            Assert.Equal(0L, await ScalarAsync($"Data Source={production};Pooling=false", "SELECT count(*) FROM users"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static Task<(int Exit, string Output)> RunAsync(string dataDir, string verb) =>
        RunAsync(dataDir, RepositoryRoot.File(), "run", verb);

    private static Task<(int Exit, string Output)> RunAsync(string dataDir, string workingDirectory, string script, params string[] args) =>
        RunWithEnvironmentAsync(dataDir, workingDirectory, script, [], args);

    private static async Task<(int Exit, string Output)> RunWithEnvironmentAsync(string dataDir, string workingDirectory, string script, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [RepositoryRoot.File("scripts", script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["CONTROLS_DATA_DIR"] = dataDir;
        start.Environment["CONTROLS_CONFIGURATION"] = "Debug";   // already built by the test run
        start.Environment.Remove("ConnectionStrings__Controls");
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("Demo__Enabled");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
