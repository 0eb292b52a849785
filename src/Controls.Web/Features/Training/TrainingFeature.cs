namespace Controls.Web.Features.Training;

/// <summary>The plain classes that do the work of training, for the composition root (App/AppSetup.cs).</summary>
public static class TrainingFeature
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<TrainingCoverage>();
        services.AddScoped<TrainingComprehension>();
        services.AddScoped<AttendanceImport>();
        services.AddScoped<ComprehensionTests>();
        services.AddScoped<TestResultImport>();
        services.AddScoped<TrainingPeople>();
        services.AddScoped<RosterImport>();
        services.AddScoped<SendTrainingReminders>();
        return services;
    }
}
