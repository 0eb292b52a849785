using Controls.Web.Domain;

namespace Controls.Tests.Incidents;

/// <summary>An incident's steps after it is recorded (the reportability decision, the reports and the notification), on the entity.</summary>
public class IncidentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly DateOnly AwareOn = new(2026, 12, 1);
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void The_officer_confirms_the_computed_answer_without_a_reason()
    {
        var incident = new Incident();
        Assert.Null(incident.Decide(true, true, "", Officer, Now));
        Assert.Equal((true, "", (Guid?)Officer, (DateTimeOffset?)Now), (incident.ReportableDecision, incident.DecisionReason, incident.DecidedById, incident.DecidedAt));
    }

    [Fact]
    public void Overriding_the_computed_answer_needs_a_reason()
    {
        var incident = new Incident();
        Assert.Equal("Incidents.OverrideNeedsReason", incident.Decide(false, true, "", Officer, Now));
        Assert.Null(incident.ReportableDecision);
        Assert.Null(incident.Decide(false, true, "高度な暗号化を確認した", Officer, Now));
        Assert.Equal((false, "高度な暗号化を確認した"), (incident.ReportableDecision!.Value, incident.DecisionReason));
    }

    [Fact]
    public void The_reports_are_recorded_on_days_from_the_awareness_to_today()
    {
        var incident = new Incident();
        Assert.Empty(incident.RecordReports(AwareOn, Today, AwareOn.AddDays(1), "個別に電話連絡", AwareOn, Today));
        Assert.Equal(((DateOnly?)AwareOn, (DateOnly?)Today, (DateOnly?)AwareOn.AddDays(1), "個別に電話連絡"),
            (incident.PreliminaryReportedOn, incident.FinalReportedOn, incident.IndividualsNotifiedOn, incident.IndividualsNotification));
        Assert.Empty(incident.RecordReports(null, null, null, "", AwareOn, Today));
        Assert.Null(incident.PreliminaryReportedOn);
    }

    [Fact]
    public void A_report_before_the_awareness_or_after_today_is_refused_and_nothing_is_recorded()
    {
        var incident = new Incident();
        Assert.Equal(
            [("PreliminaryReportedOn", "Incidents.DateBeforeAwareness"), ("IndividualsNotifiedOn", "Incidents.DateInFuture")],
            incident.RecordReports(AwareOn.AddDays(-1), null, Today.AddDays(1), "", AwareOn, Today));
        Assert.Null(incident.PreliminaryReportedOn);
    }

    [Fact]
    public void The_final_report_is_not_before_the_preliminary_one()
    {
        var incident = new Incident();
        Assert.Equal([("FinalReportedOn", "Incidents.FinalBeforePreliminary")], incident.RecordReports(Today, AwareOn, null, "", AwareOn, Today));
        Assert.Null(incident.FinalReportedOn);
    }
}
