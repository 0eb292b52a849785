using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Housekeeping;
using Controls.Web.Infrastructure.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Controls.IntegrationTests;

/// <summary>
/// The data-protection key ring (docs/adr/0012): kept in the database by the EF Core library,
/// encrypted at rest with a certificate kept outside it. A restart is a new app on the same
/// database, so each test starts and stops its own apps (one at a time: SQLite serves one node).
/// </summary>
public class KeyRingTests
{
    private const string PfxPassword = "pfx-password";

    private static readonly string Certificates = Directory.CreateTempSubdirectory("controls-keyring-").FullName;

    [Fact]
    public async Task With_a_configured_certificate_the_keys_are_stored_encrypted_and_a_cookie_survives_a_restart()
    {
        var database = await TestDatabase.CreateAsync();
        var settings = WithCertificate(NewCertificate(PfxPassword), PfxPassword);
        var cookies = new CookieContainer();
        await using (var first = new KeyRingApp(database, settings))
        {
            var user = await first.CreateUserAsync([Roles.Administrator], twoFactor: false);
            await SignInAsync(first.Client(cookies), user.Email!);
            Assert.Equal(HttpStatusCode.OK, (await first.Client(cookies).GetAsync("/")).StatusCode);
        }

        var keys = await KeysAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys.Values, AssertEncrypted);

        await using var second = new KeyRingApp(database, settings);
        Assert.Equal(HttpStatusCode.OK, (await second.Client(cookies).GetAsync("/")).StatusCode);
        Assert.Equal(keys, await KeysAsync(database));
    }

    [Fact]
    public async Task With_another_certificate_the_old_cookie_is_refused_and_signing_in_again_works()
    {
        var database = await TestDatabase.CreateAsync();
        var cookies = new CookieContainer();
        string email;
        await using (var first = new KeyRingApp(database, WithCertificate(NewCertificate())))
        {
            email = (await first.CreateUserAsync([Roles.Administrator], twoFactor: false)).Email!;
            await SignInAsync(first.Client(cookies), email);
        }

        await using var second = new KeyRingApp(database, WithCertificate(NewCertificate()));
        var client = second.Client(cookies);
        var refused = await client.GetAsync("/");
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", refused.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
        await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [SqliteFact]
    public async Task Without_a_configured_certificate_one_is_generated_beside_the_database_for_its_owner_only()
    {
        var database = await TestDatabase.CreateAsync();
        var generated = Path.Combine(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database).DataSource)!, KeyRingProtection.GeneratedFileName);
        var cookies = new CookieContainer();
        await using (var first = new KeyRingApp(database, []))
        {
            await SignInAsync(first.Client(cookies), (await first.CreateUserAsync([Roles.Administrator], twoFactor: false)).Email!);
        }

        Assert.True(File.Exists(generated), generated);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(generated));
        }

        using (var certificate = X509CertificateLoader.LoadPkcs12FromFile(generated, null))
        {
            Assert.Equal(KeyRingProtection.GeneratedSubject, certificate.Subject);
            Assert.Equal(3072, certificate.GetRSAPublicKey()!.KeySize);
            Assert.True(certificate.NotAfter > DateTime.UtcNow.AddYears(50));
        }

        Assert.All((await KeysAsync(database)).Values, AssertEncrypted);
        await using var second = new KeyRingApp(database, []);
        Assert.Equal(HttpStatusCode.OK, (await second.Client(cookies).GetAsync("/")).StatusCode);
    }

    [PostgreSqlFact]
    public async Task Without_a_certificate_on_PostgreSQL_the_keys_stay_unencrypted_and_the_log_warns_at_start()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new KeyRingApp(database, []);
        await SignInAsync(app.Client(new CookieContainer()), (await app.CreateUserAsync([Roles.Administrator], twoFactor: false)).Email!);
        Assert.All((await KeysAsync(database)).Values, xml => Assert.Contains("<masterKey", xml));
        Assert.Contains(app.Log, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("UNENCRYPTED", StringComparison.Ordinal) && line.Contains("DataProtection__CertificatePath", StringComparison.Ordinal));
    }

    /// <summary>
    /// The app before this change kept the keys unencrypted, with a created_at column. Its keys
    /// survive the KeyRingLibrary migration row for row; once a certificate is in use they are
    /// encrypted in place at start, and the sign-in cookies they signed stay valid.
    /// </summary>
    [Fact]
    public async Task Keys_of_the_unencrypted_ring_survive_the_migration_and_their_cookies_stay_valid()
    {
        var database = await TestDatabase.CreateAsync();
        var cookies = new CookieContainer();
        await using (var before = new KeyRingApp(database, [], unencrypted: true))
        {
            await SignInAsync(before.Client(cookies), (await before.CreateUserAsync([Roles.Administrator], twoFactor: false)).Email!);
        }

        await using (var db = TestDatabase.Context(database))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var keyRing = migrations.FindIndex(m => m.EndsWith("_KeyRingLibrary", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[keyRing - 1]);
        }

        var old = await KeysAsync(database);
        Assert.NotEmpty(old);
        Assert.All(old.Values, xml => Assert.Contains("<masterKey", xml));

        await using (var db = TestDatabase.Context(database))
        {
            await Controls.Web.Data.DatabaseSetup.MigrateAsync(db);
        }

        Assert.Equal(old, await KeysAsync(database));
        var settings = TestDatabase.IsSqlite ? new Dictionary<string, string?>() : WithCertificate(NewCertificate());
        await using (var after = new KeyRingApp(database, settings))
        {
            var reencrypted = await KeysAsync(database);
            Assert.Equal(old.Keys, reencrypted.Keys);
            Assert.All(reencrypted.Values, AssertEncrypted);
            Assert.Equal(HttpStatusCode.OK, (await after.Client(cookies).GetAsync("/")).StatusCode);
        }

        // The app above had loaded the key ring before encrypting it: the next start reads the encrypted form.
        await using var again = new KeyRingApp(database, settings);
        var response = await again.Client(cookies).GetAsync("/");
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode}: {string.Join("\n", again.Log.Where(l => !l.StartsWith("Information", StringComparison.Ordinal)))}");
        Assert.Equal(old.Keys, (await KeysAsync(database)).Keys);
    }

    private static void AssertEncrypted(string xml)
    {
        Assert.Contains("encryptedSecret", xml);
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml);
        // What housekeeping prunes by stays readable.
        Assert.NotNull(PruneExpiredData.ExpiresAt(xml));
    }

    private static Dictionary<string, string?> WithCertificate(string path, string? password = null) => new()
    {
        [KeyRingProtection.CertificatePathKey] = path,
        [KeyRingProtection.CertificatePasswordKey] = password,
    };

    /// <summary>A PFX as an operator would make one (RSA, self-signed), optionally with a password.</summary>
    private static string NewCertificate(string? password = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Controls test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Certificates, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/", response.RedirectPath());
    }

    /// <summary>The stored key ring, id → XML, read with plain SQL (any schema version).</summary>
    private static async Task<Dictionary<int, string>> KeysAsync(string database)
    {
        var keys = new Dictionary<int, string>();
        await using var connection = TestDatabase.Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, xml FROM data_protection_keys";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return keys;
    }

    /// <summary>The app on a given database with extra settings; its log lines are kept.</summary>
    private sealed class KeyRingApp : ControlsApp
    {
        private readonly Dictionary<string, string?> _settings;
        private readonly bool _unencrypted;
        private readonly ConcurrentQueue<string> _log = new();

        /// <param name="unencrypted">As the app before docs/adr/0012: no key encryption at all.</param>
        public KeyRingApp(string connectionString, Dictionary<string, string?> settings, bool unencrypted = false)
        {
            ConnectionString = connectionString;
            _settings = settings;
            _unencrypted = unencrypted;
            _ = Server;
        }

        public IReadOnlyCollection<string> Log => _log;

        /// <summary>A client that keeps its cookies in <paramref name="cookies"/>, which outlive this app.</summary>
        public HttpClient Client(CookieContainer cookies) => CreateDefaultClient(new CookieContainerHandler(cookies));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // About the cookies, not the second factor (whose keys another certificate could not read).
            builder.UseSetting("Accounts:AdministratorsRequireTwoFactor", "false");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new ListLogger(_log)));
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            if (_unencrypted)
            {
                services.PostConfigure<KeyManagementOptions>(o => o.XmlEncryptor = null);
            }
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {formatter(state, exception)}");
            }
        }

        public void Dispose()
        {
        }
    }
}
