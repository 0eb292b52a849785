using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.Files;

/// <summary>Where evidence files are kept and how large they may be (configuration section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    /// <summary>Requests up to this size reach the answer page, so it can explain a file that is too large (the limit below cannot exceed it).</summary>
    public const long RequestLimit = 64L * 1024 * 1024;

    /// <summary>Largest file accepted, in bytes (default 10 MB).</summary>
    [Range(1, RequestLimit - 1024 * 1024)]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// A directory outside the web root. Default: <c>.data/evidence</c> of the repository when
    /// <c>.data</c> exists there (scripts/run), otherwise <c>/var/lib/controls/evidence</c>.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "";

    public static string DefaultDirectory(string contentRoot)
    {
        var data = Path.GetFullPath(Path.Combine(contentRoot, "..", "..", ".data"));
        return System.IO.Directory.Exists(data) ? Path.Combine(data, "evidence") : "/var/lib/controls/evidence";
    }
}

/// <summary>
/// Evidence files (証跡) on disk: checked before anything is written, stored under a new GUID
/// (never the user's file name) outside the web root, with their SHA-256; read back only through
/// the pages that check who may see them.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options, ILogger<EvidenceStore> logger)
{
    public long MaxBytes => options.Value.MaxBytes;

    private string Root => Path.GetFullPath(options.Value.Directory);

    public sealed record Checked(string FileName, string ContentType);

    public sealed record Stored(string StoragePath, string Sha256, long Size);

    /// <summary>Checks a file before it is stored: a message key (with its argument) if it is refused.</summary>
    public async Task<(Checked? File, string? Problem, object? Argument)> CheckAsync(string? fileName, long length, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        if (length <= 0)
        {
            return (null, "Evidence.Empty", null);
        }

        if (length > MaxBytes)
        {
            return (null, "Evidence.TooLarge", Megabytes(MaxBytes));
        }

        var name = EvidenceFiles.SafeName(fileName);
        if (EvidenceFiles.TypeOf(name) is not { } type || Path.GetFileNameWithoutExtension(name).Length == 0)
        {
            return (null, "Evidence.TypeNotAllowed", null);
        }

        var head = new byte[EvidenceFiles.HeadLength];
        int read;
        await using (var stream = open())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        return EvidenceFiles.ContentMatches(type, head.AsSpan(0, read))
            ? (new Checked(name, type.ContentType), null, null)
            : (null, "Evidence.ContentMismatch", type.Extension.ToUpperInvariant());
    }

    /// <summary>A file as the browser sent it: its name, its length and how to read it.</summary>
    public sealed record Upload(string? FileName, long Length, Func<Stream> Open);

    /// <summary>An upload as it was written: its safe name and type, where it is (relative to the store), its hash and size.</summary>
    public sealed record Accepted(string FileName, string ContentType, string StoragePath, string Sha256, long Size);

    /// <summary>
    /// Checks an upload, then writes it (one path for an inspection's and an audit's evidence): the
    /// file as written, or the message saying why it was refused, nothing written. The caller
    /// deletes the file again (<see cref="Delete"/>) if its record cannot be saved.
    /// </summary>
    public async Task<(Accepted? File, string? Error)> AcceptAsync(EvidenceStore.Upload? upload, IStringLocalizer l, CancellationToken cancellationToken = default)
    {
        if (upload is null)
        {
            return (null, l["Evidence.NoFile"].Value);
        }

        var (file, problem, argument) = await CheckAsync(upload.FileName, upload.Length, upload.Open, cancellationToken);
        if (file is null)
        {
            return (null, (argument is null ? l[problem!] : l[problem!, argument]).Value);
        }

        Stored stored;
        await using (var content = upload.Open())
        {
            stored = await SaveAsync(content, cancellationToken);
        }

        return (new Accepted(file.FileName, file.ContentType, stored.StoragePath, stored.Sha256, stored.Size), null);
    }

    public static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the file under a new name and returns where (relative to the store), its hash and size.</summary>
    public async Task<Stored> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var relative = Path.Combine(id[..2], id);
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    throw new InvalidOperationException("The evidence file grew past the limit while it was written.");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            return new Stored(relative.Replace('\\', '/'), Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            Delete(relative);
            throw;
        }
    }

    /// <summary>Opens a stored file for reading, or null if it is missing (or the path leads outside the store).</summary>
    public Stream? Open(string storagePath)
    {
        var path = Resolve(storagePath);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Removes a stored file; a failure is logged, not thrown (the record is gone already or never was).</summary>
    public void Delete(string storagePath)
    {
        try
        {
            if (Resolve(storagePath) is { } path)
            {
                File.Delete(path);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the evidence file {StoragePath}", storagePath);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "Could not delete the evidence file {StoragePath}", storagePath);
        }
    }

    private string? Resolve(string storagePath)
    {
        var root = Root + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(Root, storagePath));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : null;
    }
}

public static class EvidenceSetup
{
    /// <summary>Binds and validates the evidence options at start, and registers the store.</summary>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration("Evidence")
            .PostConfigure<IHostEnvironment>((o, environment) =>
            {
                if (string.IsNullOrWhiteSpace(o.Directory))
                {
                    o.Directory = EvidenceOptions.DefaultDirectory(environment.ContentRootPath);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<EvidenceStore>();
    }
}
