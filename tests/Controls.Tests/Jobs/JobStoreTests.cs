using System.Collections.Concurrent;
using Controls.Web.Data;
using Controls.Web.Jobs;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;

namespace Controls.Tests.Jobs;

/// <summary>A job for the store test: notes when it ran.</summary>
public static class StoreProbe
{
    public static readonly ConcurrentDictionary<string, DateTime> Ran = new();

    public static void Ping(string id) => Ran[id] = DateTime.UtcNow;
}

/// <summary>With SQLite the jobs get their own file beside the database, and a queued job runs within seconds.</summary>
public sealed class JobStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "controls-jobstore-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_sqlite_database_gets_a_job_store_file_of_its_own_that_runs_queued_jobs_within_seconds()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Controls"] = $"Data Source={Path.Combine(directory, "controls.db")}" })
            .Build();
        var database = DatabaseSettings.From(configuration, directory);
        Directory.CreateDirectory(directory);

        var storage = Assert.IsType<SQLiteStorage>(JobStore.Create(database));
        Assert.True(File.Exists(Path.Combine(directory, "controls-jobs.db")));
        Assert.False(File.Exists(Path.Combine(directory, "controls.db")));

        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, ServerName = "store-test" }, storage);
        var id = Guid.NewGuid().ToString();
        var queued = DateTime.UtcNow;
        new BackgroundJobClient(storage).Enqueue(() => StoreProbe.Ping(id));
        while (!StoreProbe.Ran.ContainsKey(id) && DateTime.UtcNow - queued < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        Assert.True(StoreProbe.Ran.TryGetValue(id, out var at), "the job did not run within 20 s");
        Assert.True(at - queued < TimeSpan.FromSeconds(5), $"ran after {(at - queued).TotalSeconds:F1} s");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
