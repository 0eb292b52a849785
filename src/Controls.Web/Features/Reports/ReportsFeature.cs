namespace Controls.Web.Features.Reports;

/// <summary>The plain classes that do the work of reports, for the composition root (App/AppSetup.cs).</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ComplianceReport>();
        services.AddScoped<ManagementReviewWorkbook>();
        services.AddScoped<Distribution.DistributeReports>();
        return services;
    }
}
