namespace Controls.Web.Features.Contractors;

/// <summary>The plain classes that do the work of the contractor register, for the composition root (App/AppSetup.cs).</summary>
public static class ContractorsFeature
{
    public static IServiceCollection AddContractors(this IServiceCollection services)
    {
        services.AddScoped<ContractorAccess>();
        return services;
    }
}
