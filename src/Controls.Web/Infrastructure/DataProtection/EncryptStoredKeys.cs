using System.Xml.Linq;
using Controls.Web.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.DataProtection;

/// <summary>
/// At start, encrypts the secrets of keys stored before the key ring was encrypted (docs/adr/0012)
/// with the certificate, in place: the keys stay the same, so the cookies they signed stay valid,
/// and from then on a copy of the database alone holds no usable key. Does what data protection
/// does when it stores a new key (every element marked <c>requiresEncryption</c> becomes an
/// <c>encryptedSecret</c>); keys already encrypted are left alone.
/// </summary>
public sealed partial class EncryptStoredKeys(
    IServiceScopeFactory scopes, IOptions<KeyManagementOptions> options, ILogger<EncryptStoredKeys> logger) : IHostedService
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.XmlEncryptor is not { } encryptor)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var encrypted = 0;
        foreach (var key in await db.DataProtectionKeys.OrderBy(k => k.Id).ToListAsync(cancellationToken))
        {
            if (key.Xml is null || !key.Xml.Contains("requiresEncryption", StringComparison.Ordinal))
            {
                continue;
            }

            var element = XElement.Parse(key.Xml);
            var secrets = element.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            foreach (var secret in secrets)
            {
                var info = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }

            if (secrets.Count > 0)
            {
                key.Xml = element.ToString(SaveOptions.DisableFormatting);
                encrypted++;
            }
        }

        if (encrypted > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            Encrypted(logger, encrypted);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Encrypted {Count} data-protection key(s) stored before the key ring was encrypted at rest; they remain valid.")]
    private static partial void Encrypted(ILogger logger, int count);
}
