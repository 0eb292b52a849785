namespace Controls.Web.Features.ManagementReviews;

/// <summary>The plain classes that do the work of management reviews, for the composition root (App/AppSetup.cs).</summary>
public static class ManagementReviewsFeature
{
    public static IServiceCollection AddManagementReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewInputs>();
        services.AddScoped<RecordReviewOutputs>();
        return services;
    }
}
