namespace Controls.Web.Features.Schedules;

/// <summary>The plain classes that do the work of inspection schedules, for the composition root (App/AppSetup.cs).</summary>
public static class SchedulesFeature
{
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddScoped<GenerateDueInspections>();
        services.AddScoped<ScheduleLifecycle>();
        services.AddScoped<ScheduleForm>();
        return services;
    }
}
