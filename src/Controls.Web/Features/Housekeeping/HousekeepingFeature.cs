namespace Controls.Web.Features.Housekeeping;

/// <summary>The plain classes that do the work of housekeeping, for the composition root (App/AppSetup.cs).</summary>
public static class HousekeepingFeature
{
    public static IServiceCollection AddHousekeeping(this IServiceCollection services)
    {
        services.AddScoped<PruneExpiredData>();
        return services;
    }
}
