namespace Controls.Web.Features.Statement;

/// <summary>The plain classes that do the work of the statement of applicability, for the composition root (App/AppSetup.cs).</summary>
public static class StatementFeature
{
    public static IServiceCollection AddStatement(this IServiceCollection services)
    {
        services.AddScoped<StatementLabels>();
        services.AddScoped<StatementDraft>();
        services.AddScoped<PublishStatement>();
        return services;
    }
}
