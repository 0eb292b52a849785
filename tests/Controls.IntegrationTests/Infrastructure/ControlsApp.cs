using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (HTTP pipeline, Identity, the job scheduler) on its own fresh database of the test provider.
/// One per test class (IClassFixture); tests use unique names so they never depend on order.
/// </summary>
public class ControlsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery-staple";

    public string ConnectionString { get; protected set; } = "";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        StartHost();
    }

    /// <summary>Starts the host now, so failures show here rather than in the first test.</summary>
    protected virtual void StartHost() => _ = Server;

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Stops the app, then closes its database's idle pooled connections: the job server keeps
    /// several open (Hangfire's workers poll), and dozens of finished test apps' idle pools would
    /// otherwise fill the test server's connection slots.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        catch (ArgumentException)
        {
            // Not a PostgreSQL connection string: nothing of Npgsql's to close.
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Controls", ConnectionString);
        builder.UseSetting(DatabaseSettings.ProviderKey, TestDatabase.Provider.ToString());
        // Each test brings the catalogs it needs; a fresh test database starts without any.
        builder.UseSetting(Controls.Web.Features.Catalog.BuiltInCatalogs.ImportOnStartKey, "false");
        builder.UseEnvironment("Testing");
        // Every test client shares one address: rate limits far above what tests do (RateLimitTests set small ones).
        builder.UseSetting("RateLimits:SignIn:PerAddress", "1000000");
        builder.UseSetting("RateLimits:SignIn:PerAccount", "1000000");
        builder.UseSetting("RateLimits:Downloads:PerUser", "1000000");
        builder.ConfigureTestServices(services =>
        {
            // Tests run the command line's verbs (seed demo, seed bench, users create-admin) on this
            // app's own services, so it holds the seeders a command-line process would register.
            if (RunsCommands)
            {
                services.AddSeeders();
            }

            ConfigureServices(services);
        });
    }

    /// <summary>False: the container exactly as the served app builds it (no seeders).</summary>
    protected virtual bool RunsCommands => true;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public AppDbContext Db() => TestDatabase.Context(ConnectionString);

    public virtual HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A department with a unique code (optionally under a parent).</summary>
    public async Task<Department> CreateDepartmentAsync(string? code = null, Guid? parentId = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var department = new Department
        {
            Id = Guid.NewGuid(),
            Code = code ?? "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            NameJa = "テスト部",
            NameEn = "Test Department",
            ParentId = parentId,
        };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department;
    }

    /// <summary>
    /// A user with a unique e-mail, the given roles and department, and <see cref="Password"/>.
    /// Administrators must use two-factor authentication, so they get an authenticator key and have
    /// it on, unless <paramref name="twoFactor"/> is false (<see cref="SignInAsync"/> answers the code).
    /// </summary>
    public async Task<AppUser> CreateUserAsync(string[] roles, Guid? departmentId = null, string? email = null, string language = "ja", bool? twoFactor = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email ?? $"u{Guid.NewGuid():N}@test.example",
            Email = email ?? $"u{Guid.NewGuid():N}@test.example",
            DisplayName = "テスト 太郎",
            DepartmentId = departmentId,
            PreferredLanguage = language,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        user.Email = user.UserName;
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        if (twoFactor ?? roles.Contains(Roles.Administrator))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return user;
    }

    /// <summary>What the user's authenticator app shows now (their key read through Identity, as the app stores it).</summary>
    public async Task<string> AuthenticatorCodeAsync(AppUser user)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        return Totp.Code(key!, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Signs in through the real sign-in page (and, for a user with two-factor authentication, the
    /// code page with their authenticator's current code) and returns the signed-in client.
    /// </summary>
    public async Task<HttpClient> SignInAsync(AppUser user, string password = Password)
    {
        var client = Anonymous();
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = password });
        if (response.Headers.Location is not null && response.RedirectPath().StartsWith("/Account/SignInTwoFactor", StringComparison.Ordinal))
        {
            response = await client.SubmitFormAsync(response.RedirectPath(), new() { ["Input.Code"] = await AuthenticatorCodeAsync(user) });
        }

        Assert.Equal("/", response.RedirectPath());
        return client;
    }

    /// <summary>Creates a user with the roles (and a department unless only Administrator) and signs in.</summary>
    public async Task<(HttpClient Client, AppUser User)> SignInAsNewAsync(params string[] roles)
    {
        Guid? departmentId = roles.All(r => r == Roles.Administrator) ? null : (await CreateDepartmentAsync()).Id;
        var user = await CreateUserAsync(roles, departmentId);
        return (await SignInAsync(user), user);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = Db();
        return await query(db);
    }

    public Task<AppUser> ReloadUserAsync(Guid id) => QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
}
