namespace Controls.Web.Features.Notifications;

/// <summary>The plain classes that do the work of notifications and reminders, for the composition root (App/AppSetup.cs).</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SendReminders>();
        services.AddScoped<UnreadNotifications>();
        return services;
    }
}
