namespace Controls.Web.Features.Home;

/// <summary>The plain classes that do the work of the home page, for the composition root (App/AppSetup.cs).</summary>
public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<HomeWork>();
        return services;
    }
}
