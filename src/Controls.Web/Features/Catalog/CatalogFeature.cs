namespace Controls.Web.Features.Catalog;

/// <summary>The plain classes that do the work of the checklist catalogs, for the composition root (App/AppSetup.cs).</summary>
public static class CatalogFeature
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<ImportCatalogs>();
        services.AddScoped<EditCatalog>();
        return services;
    }
}
