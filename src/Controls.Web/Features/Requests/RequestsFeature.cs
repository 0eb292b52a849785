namespace Controls.Web.Features.Requests;

/// <summary>The plain classes that do the work of the data-subject requests register, for the composition root (App/AppSetup.cs).</summary>
public static class RequestsFeature
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestAccess>();
        services.AddScoped<SendRequestReminders>();
        services.AddScoped<RequestSummary>();
        return services;
    }
}
