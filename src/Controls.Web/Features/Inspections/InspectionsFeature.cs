namespace Controls.Web.Features.Inspections;

/// <summary>The plain classes that do the work of self-inspections, for the composition root (App/AppSetup.cs).</summary>
public static class InspectionsFeature
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddScoped<InspectionAccess>();
        services.AddScoped<InspectionContent>();
        services.AddScoped<SaveAnswer>();
        services.AddScoped<SubmitInspection>();
        services.AddScoped<InspectionNews>();
        services.AddScoped<ReviewInspection>();
        services.AddScoped<AttachEvidence>();
        services.AddEvidenceStore();
        return services;
    }
}
