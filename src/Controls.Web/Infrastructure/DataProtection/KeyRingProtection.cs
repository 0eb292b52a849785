using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Controls.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Controls.Web.Infrastructure.DataProtection;

/// <summary>
/// Encrypts the data-protection key ring at rest (docs/adr/0012). The keys live in the database
/// (<c>data_protection_keys</c>); the certificate that encrypts them lives outside it, so a copy
/// of the database alone cannot forge sign-in cookies.
/// <list type="bullet">
/// <item><c>DataProtection:CertificatePath</c> (+ <c>DataProtection:CertificatePassword</c>): a PFX
/// file with an RSA key. Required for encryption on PostgreSQL, where every node needs the same one.</item>
/// <item>SQLite (one node) without it: a self-signed certificate is generated once beside the
/// database (<see cref="GeneratedFileName"/>, mode 600 on Unix) and used from then on.</item>
/// <item>PostgreSQL without it: the key ring stays unencrypted and the app says so in its log at start.</item>
/// <item><c>DataProtection:PreviousCertificatePath</c> (+ <c>…Password</c>): a certificate that no
/// longer encrypts but still decrypts the keys it encrypted (rotation).</item>
/// </list>
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string PreviousCertificatePathKey = "DataProtection:PreviousCertificatePath";
    public const string PreviousCertificatePasswordKey = "DataProtection:PreviousCertificatePassword";

    /// <summary>The certificate generated beside the SQLite database when none is configured.</summary>
    public const string GeneratedFileName = "keyring-protection.pfx";

    public const string GeneratedSubject = "CN=Controls key ring protection";

    /// <summary>Keeps the key ring in the database, encrypted with the certificate when there is one.</summary>
    /// <param name="serving">The web app (not a command-line verb): it reports the protection in its log at start.</param>
    public static IDataProtectionBuilder PersistKeysEncrypted(this IDataProtectionBuilder builder,
        IConfiguration configuration, DatabaseSettings database, string contentRoot, bool serving)
    {
        builder.PersistKeysToDbContext<AppDbContext>();
        var protection = Resolve(configuration, database, contentRoot);
        if (serving)
        {
            builder.Services.AddHostedService(services => new KeyRingProtectionReport(
                protection, services.GetRequiredService<ILogger<KeyRingProtectionReport>>()));
            if (protection.Certificate is not null)
            {
                builder.Services.AddHostedService<EncryptStoredKeys>();
            }
        }

        if (protection.Certificate is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }

        if (protection.Previous is { } previous)
        {
            builder.UnprotectKeysWithAnyCertificate(previous);
        }

        return builder;
    }

    /// <summary>Which certificate encrypts the key ring, and where it comes from.</summary>
    public sealed record Protection(X509Certificate2? Certificate, string? Path, bool Generated, X509Certificate2? Previous);

    public static Protection Resolve(IConfiguration configuration, DatabaseSettings database, string contentRoot)
    {
        var previous = configuration[PreviousCertificatePathKey] is { Length: > 0 } previousPath
            ? Load(Path.GetFullPath(previousPath, contentRoot), configuration[PreviousCertificatePasswordKey], PreviousCertificatePathKey)
            : null;
        if (configuration[CertificatePathKey] is { Length: > 0 } configured)
        {
            var path = Path.GetFullPath(configured, contentRoot);
            return new Protection(Load(path, configuration[CertificatePasswordKey], CertificatePathKey), path, false, previous);
        }

        if (database.DatabasePath is { } databasePath)
        {
            var path = Path.Combine(Path.GetDirectoryName(databasePath)!, GeneratedFileName);
            var generated = !File.Exists(path) && Generate(path);
            return new Protection(Load(path, null, "the generated certificate"), path, generated, previous);
        }

        return new Protection(null, null, false, previous);
    }

    /// <summary>
    /// Writes a new self-signed certificate (RSA 3072, valid 100 years) to <paramref name="path"/>,
    /// readable by its owner only. False when another process wrote one first (that one is used).
    /// </summary>
    public static bool Generate(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(GeneratedSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pkcs12);

        // Written under a temporary name, then moved into place: a reader never sees half a file,
        // and of two processes generating at once the first one's file wins.
        var temporary = Path.Combine(directory, $".{GeneratedFileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(pfx);
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{setting}: the certificate file {path} does not exist. It encrypts the data-protection key ring (see README, \"Key ring\").");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{setting}: {path} could not be read as a PFX (PKCS#12) file with the configured password: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            throw new InvalidOperationException(
                $"{setting}: {path} must hold an RSA certificate with its private key (e.g. made with openssl, see docker/README.md).");
        }

        return certificate;
    }
}

/// <summary>Says at start how the key ring is protected: a warning when it is not.</summary>
public sealed partial class KeyRingProtectionReport(KeyRingProtection.Protection protection, ILogger<KeyRingProtectionReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (protection.Certificate is not { } certificate)
        {
            Unencrypted(logger, KeyRingProtection.CertificatePathKey.Replace(":", "__", StringComparison.Ordinal));
        }
        else if (protection.Generated)
        {
            Generated(logger, protection.Path!);
        }
        else
        {
            Encrypted(logger, certificate.Thumbprint, protection.Path!, certificate.NotAfter.ToUniversalTime());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The data-protection key ring (it signs sign-in cookies and antiforgery tokens) is stored UNENCRYPTED in the database: " +
        "anyone with a copy of the database can forge a sign-in cookie. Set {Setting} (and DataProtection__CertificatePassword) " +
        "to a PFX certificate file kept outside the database, the same file on every node (docker/README.md, \"Key ring\").")]
    private static partial void Unencrypted(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Generated {Path} to encrypt the data-protection key ring at rest. Back it up with the database: without it, " +
        "everybody has to sign in again (nothing else is lost).")]
    private static partial void Generated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "The data-protection key ring is encrypted at rest with certificate {Thumbprint} ({Path}, valid until {NotAfter:u}).")]
    private static partial void Encrypted(ILogger logger, string thumbprint, string path, DateTime notAfter);
}
