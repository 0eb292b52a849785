using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Identity's user store with the token values (the authenticator key and the recovery codes, table
/// <c>user_tokens</c>) encrypted by the data-protection key ring, which is itself encrypted by a
/// certificate outside the database (docs/adr/0012): a copy of the database alone holds no second
/// factor. Stored as <see cref="Prefix"/> + ciphertext; a value without the prefix is a plain one
/// from before, read as it is until <see cref="EncryptStoredTokens"/> encrypts it at start.
/// </summary>
public sealed class ProtectedUserStore(AppDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, AppDbContext, Guid>(context, describer)
{
    public const string Prefix = "dp1:";
    public const string Purpose = "Controls.Identity.UserTokens";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, Protect(protector, value), cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring that encrypted it is gone (README, "Accounts and sessions"): as if there were none; codes then fail.
            return null;
        }
    }

    public static string? Protect(IDataProtector protector, string? value) => value is null ? null : Prefix + protector.Protect(value);
}

/// <summary>At start, encrypts token values stored in plain text by an earlier version (idempotent: encrypted ones are left alone).</summary>
public sealed partial class EncryptStoredTokens(IServiceScopeFactory scopes, ILogger<EncryptStoredTokens> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var count = await RunAsync(scope.ServiceProvider, cancellationToken);
        if (count > 0)
        {
            Encrypted(logger, count);
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectedUserStore.Purpose);
        var plain = await db.UserTokens.Where(t => t.Value != null && !t.Value.StartsWith(ProtectedUserStore.Prefix)).ToListAsync(cancellationToken);
        foreach (var token in plain)
        {
            token.Value = ProtectedUserStore.Protect(protector, token.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return plain.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} authenticator key(s) or recovery code list(s) stored in plain text by an earlier version.")]
    private static partial void Encrypted(ILogger logger, int count);
}
