namespace Controls.Web.Data;

/// <summary>
/// SQLite serves one app node (docs/adr/0008): the serving app holds an exclusive lock on
/// <c>controls.db.lock</c> beside the database for as long as it runs, and a second node started
/// on the same file stops at once with a message, instead of two schedulers sharing one file.
/// Command-line verbs do not take it.
/// </summary>
public sealed class SingleNodeLock(DatabaseSettings settings) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.DatabasePath is not { } database)
        {
            return Task.CompletedTask;
        }

        var path = database + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another Controls node is already serving the SQLite database {database}. SQLite serves one node: " +
                "stop the other one, or run several nodes on PostgreSQL (Database__Provider=PostgreSql, see README).");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
