namespace Controls.Web.Features.Admin;

/// <summary>The plain classes that do the work of administration, for the composition root (App/AppSetup.cs).</summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail.TrailReading>();
        return services;
    }
}
