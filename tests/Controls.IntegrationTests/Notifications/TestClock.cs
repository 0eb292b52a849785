namespace Controls.IntegrationTests.Notifications;

/// <summary>The app's clock, set by the test; real time until it is set.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset? now;

    public void Set(DateTimeOffset instant)
    {
        lock (gate)
        {
            now = instant.ToUniversalTime();
        }
    }

    /// <summary>Back to real time.</summary>
    public void Reset()
    {
        lock (gate)
        {
            now = null;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now ?? System.GetUtcNow();
        }
    }
}
