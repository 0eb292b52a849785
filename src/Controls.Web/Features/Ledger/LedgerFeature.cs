namespace Controls.Web.Features.Ledger;

/// <summary>The plain classes that do the work of the personal-data ledger, for the composition root (App/AppSetup.cs).</summary>
public static class LedgerFeature
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccess>();
        services.AddScoped<LedgerWorkbook>();
        services.AddScoped<LedgerSummary>();
        services.AddScoped<SendLedgerReviewReminders>();
        services.AddScoped<SendRiskAssessmentReminders>();
        services.AddScoped<RiskMeasures>();
        services.AddScoped<RiskRegister>();
        return services;
    }
}
