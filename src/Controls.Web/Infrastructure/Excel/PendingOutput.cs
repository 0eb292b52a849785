namespace Controls.Web.Infrastructure.Excel;

/// <summary>
/// The stream a <see cref="System.IO.Compression.ZipArchive"/> writes into: it only collects the
/// bytes, and <see cref="DrainAsync"/> passes them on to the real output asynchronously. So the
/// archive's synchronous writes never reach the output (ASP.NET Core refuses synchronous writes to
/// a response body), and memory stays at about <see cref="DrainThreshold"/>. It is not seekable,
/// so the archive writes each entry once, front to back (sizes in data descriptors).
/// </summary>
internal sealed class PendingOutput(Stream output) : Stream
{
    /// <summary>Collected bytes above this size are passed on at the next opportunity.</summary>
    public const int DrainThreshold = 64 * 1024;

    private readonly MemoryStream pending = new();

    public bool IsFull => pending.Length >= DrainThreshold;

    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        pending.SetLength(0);
    }

    /// <summary>Forgets what was not passed on yet (an abandoned workbook).</summary>
    public void Discard() => pending.SetLength(0);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override void WriteByte(byte value) => pending.WriteByte(value);

    /// <summary>Nothing to do: the bytes wait for <see cref="DrainAsync"/>.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
