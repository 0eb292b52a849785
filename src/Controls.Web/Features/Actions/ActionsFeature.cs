namespace Controls.Web.Features.Actions;

/// <summary>The plain classes that do the work of the improvement actions, for the composition root (App/AppSetup.cs).</summary>
public static class ActionsFeature
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddScoped<UpdateActionStatus>();
        return services;
    }
}
