namespace Controls.Web.Seeding;

/// <summary>
/// The seeders (the demo organisation, the bench dataset, the first administrator) are not part of
/// the served app: the composition root registers them only for a command-line verb or when the demo
/// switch (<see cref="DemoEnabledKey"/>) is on.
/// </summary>
public static class SeedingSetup
{
    /// <summary>Demo__Enabled=true: this database is meant for a demo (its accounts share the public password).</summary>
    public const string DemoEnabledKey = "Demo:Enabled";

    public static bool DemoEnabled(IConfiguration configuration) => configuration.GetValue<bool>(DemoEnabledKey);

    public static IServiceCollection AddSeeders(this IServiceCollection services) => services
        .AddScoped<CreateAdministrator>()
        .AddScoped<DemoSeed>()
        .AddScoped<DemoActivity>()
        .AddScoped<DemoAudits>()
        .AddScoped<BenchSeed>();
}
