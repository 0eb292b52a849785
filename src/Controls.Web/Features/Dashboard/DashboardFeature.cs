namespace Controls.Web.Features.Dashboard;

/// <summary>The plain classes that do the work of the dashboard, for the composition root (App/AppSetup.cs).</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<PrivacyMarkYear>();
        return services;
    }
}
