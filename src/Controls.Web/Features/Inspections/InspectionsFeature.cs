namespace Controls.Web.Features.Inspections;

/// <summary>The plain classes that do the work of self-inspections, for the composition root (App/AppSetup.cs).</summary>
public static class InspectionsFeature
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddScoped<InspectionContent>();
        services.AddScoped<LedgerMeasureContext>();
        services.AddScoped<SaveAnswer>();
        services.AddScoped<SubmitInspection>();
        services.AddScoped<InspectionNotifications>();
        services.AddScoped<ReviewInspection>();
        services.AddScoped<AttachEvidence>();
        services.AddScoped<SaveImprovementAction>();
        return services;
    }
}
