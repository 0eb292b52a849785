namespace Controls.Web.Features.Incidents;

/// <summary>The plain classes that do the work of the incident register, for the composition root (App/AppSetup.cs).</summary>
public static class IncidentsFeature
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddOptions<IncidentOptions>().BindConfiguration(IncidentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SendIncidentReminders>();
        services.AddScoped<IncidentAccess>();
        return services;
    }
}
