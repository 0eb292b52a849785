namespace Controls.Web.Features.Audits;

/// <summary>The plain classes that do the work of internal audits, for the composition root (App/AppSetup.cs).</summary>
public static class AuditsFeature
{
    public static IServiceCollection AddAudits(this IServiceCollection services)
    {
        services.AddScoped<AuditorIndependence>();
        services.AddScoped<AuditAccess>();
        services.AddScoped<AuditLifecycle>();
        services.AddScoped<SaveAudit>();
        services.AddScoped<RecordAuditTest>();
        services.AddScoped<RecordFinding>();
        services.AddScoped<VerifyCorrectiveAction>();
        services.AddScoped<SelfInspectionComparison>();
        services.AddScoped<AuditCalendar>();
        services.AddScoped<PlanAuditsFromRules>();
        services.AddScoped<FollowUpAudits>();
        services.AddScoped<RecheckFinding>();
        services.AddScoped<AttachAuditEvidence>();
        return services;
    }
}
