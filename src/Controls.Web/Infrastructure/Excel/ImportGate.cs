namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// At most <c>Imports:MaxConcurrent</c> (2) file imports at a time on this node: reading a workbook
/// takes memory, and a burst of uploads must not add up. One more is refused at once with a
/// "busy, try again" message rather than queued.
/// </summary>
public sealed class ImportGate(IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, configuration.GetValue("Imports:MaxConcurrent", 2)));

    /// <summary>A slot to release (dispose) when the import is done, or null when every slot is taken.</summary>
    public async Task<IDisposable?> TryEnterAsync()
    {
        return await slots.WaitAsync(TimeSpan.Zero) ? new Slot(slots) : null;
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
