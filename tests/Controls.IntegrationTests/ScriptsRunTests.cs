using System.Diagnostics;
using Controls.IntegrationTests.Infrastructure;
using Npgsql;

namespace Controls.IntegrationTests;

/// <summary>
/// scripts/run's database bootstrap, for real: a fresh local cluster is created, migrated and
/// seeded; a second start reuses it and keeps its data; stop stops it.
/// </summary>
public class ScriptsRunTests
{
    [Fact]
    public async Task A_fresh_start_creates_the_database_and_a_second_start_reuses_its_data()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "controls-run-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        if (!OperatingSystem.IsWindows())
        {
            // As root, scripts/run runs the server as 'postgres', which must reach the folder.
            File.SetUnixFileMode(dataDir, File.GetUnixFileMode(dataDir) | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
        }
        try
        {
            var first = await RunAsync(dataDir, "prepare");
            Assert.True(first.Exit == 0, first.Output);
            Assert.Contains("Seeded the demo organisation", first.Output);
            Assert.Contains("Imported: appi-security-measures as version 1", first.Output);
            Assert.True(File.Exists(Path.Combine(dataDir, "postgres", "PG_VERSION")));

            var connection = $"Host=127.0.0.1;Port={(await File.ReadAllTextAsync(Path.Combine(dataDir, "port"))).Trim()};Database=controls;" +
                             $"Username=controls;Password={(await File.ReadAllTextAsync(Path.Combine(dataDir, "password"))).Trim()};Pooling=false";
            await ExecuteAsync(connection, "UPDATE organisation_settings SET name_en = 'Kept across restarts'");

            Assert.Equal(0, (await RunAsync(dataDir, "stop")).Exit);
            var second = await RunAsync(dataDir, "prepare");
            Assert.True(second.Exit == 0, second.Output);
            Assert.Contains("the demo seed was not applied", second.Output);
            Assert.Contains("Unchanged: appi-security-measures (version 1)", second.Output);
            Assert.Equal("Kept across restarts", await ScalarAsync(connection, "SELECT name_en FROM organisation_settings"));
            Assert.Equal(16L, await ScalarAsync(connection, "SELECT count(*) FROM users"));
        }
        finally
        {
            await RunAsync(dataDir, "stop");
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string dataDir, string verb)
    {
        var start = new ProcessStartInfo("bash", [RepositoryRoot.File("scripts", "run"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CONTROLS_DATA_DIR"] = dataDir;
        start.Environment["CONTROLS_CONFIGURATION"] = "Debug";   // already built by the test run
        start.Environment.Remove("ConnectionStrings__Controls");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
    }
}
