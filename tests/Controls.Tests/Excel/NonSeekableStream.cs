namespace Controls.Tests.Excel;

/// <summary>
/// Output like an ASP.NET Core response body: not seekable, length unknown, and (by default)
/// refusing synchronous writes and flushes, as Kestrel does unless AllowSynchronousIO is set.
/// </summary>
public sealed class NonSeekableStream : Stream
{
    private readonly MemoryStream written = new();

    public byte[] ToArray() => written.ToArray();

    /// <summary>Bytes received so far (the stream itself has no length).</summary>
    public long BytesWritten => written.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfSynchronousIODisallowed();
        written.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        written.Write(buffer.Span);
    }

    public override void Flush() => ThrowIfSynchronousIODisallowed();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static void ThrowIfSynchronousIODisallowed() =>
        throw new InvalidOperationException("Synchronous operations are disallowed.");
}
