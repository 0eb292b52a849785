namespace Controls.Web.Domain;

public enum IncidentKind
{
    /// <summary>漏えい: misdelivery, public exposure, theft, intrusion.</summary>
    Leakage,
    /// <summary>滅失: the data is lost.</summary>
    Loss,
    /// <summary>毀損: unintended alteration or unusable data (e.g. ransomware without recovery).</summary>
    Damage,
}

/// <summary>
/// A leak, loss or damage of personal data (漏えい等事案), actual or suspected. The clock for the
/// reports to the PPC starts when the organisation became aware of it (<see cref="AwareAt"/>).
/// Whether it must be reported is computed from the facts (IncidentReportability) until a
/// compliance officer confirms or overrides it with a reason.
/// </summary>
public class Incident : IVersionedRecord
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public IncidentKind Kind { get; set; }
    public DateTimeOffset DiscoveredAt { get; set; }
    /// <summary>When the organisation became aware of it: the start of the report deadlines.</summary>
    public DateTimeOffset AwareAt { get; set; }
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public Guid? ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    /// <summary>The data sets concerned, from the personal-data ledger.</summary>
    public List<Guid> LedgerEntryIds { get; set; } = [];
    /// <summary>Data sets concerned that are not (yet) in the ledger, in words.</summary>
    public string DataSets { get; set; } = "";
    /// <summary>Number of people whose data is concerned (an upper estimate while unknown).</summary>
    public int PeopleCount { get; set; }
    public string DataItems { get; set; } = "";
    public bool SpecialCareData { get; set; }
    public bool FinancialHarmRisk { get; set; }
    public bool SuspectedMalice { get; set; }
    /// <summary>All the data was protected by advanced encryption (高度な暗号化), which exempts it from reporting.</summary>
    public bool Encrypted { get; set; }
    public string Description { get; set; } = "";
    public string Cause { get; set; } = "";
    public string SecondaryHarm { get; set; } = "";
    public string ResponseToIndividuals { get; set; } = "";
    public string Publication { get; set; } = "";
    public string RecurrencePrevention { get; set; } = "";
    public string Other { get; set; } = "";

    /// <summary>The compliance officer's decision (null until decided: the computed answer applies).</summary>
    public bool? ReportableDecision { get; set; }
    public string DecisionReason { get; set; } = "";
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public DateOnly? PreliminaryReportedOn { get; set; }
    public DateOnly? FinalReportedOn { get; set; }
    public DateOnly? IndividualsNotifiedOn { get; set; }
    /// <summary>How the people were told, or the substitute (public notice, inquiry desk) where they could not be.</summary>
    public string IndividualsNotification { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public uint Version { get; set; }

    /// <summary>Overriding the computed answer (<paramref name="computed"/>) needs a reason: the message key when it is missing, otherwise null.</summary>
    public static string? CheckDecision(bool reportable, bool computed, string reason) =>
        reportable != computed && reason.Length == 0 ? "Incidents.OverrideNeedsReason" : null;

    /// <summary>
    /// The compliance officer decides whether the incident must be reported to the PPC, confirming or
    /// overriding (with a reason) the computed answer. Returns the message key of the refusal, or null when done.
    /// </summary>
    public string? Decide(bool reportable, bool computed, string reason, Guid? by, DateTimeOffset at)
    {
        if (CheckDecision(reportable, computed, reason) is { } refusal)
        {
            return refusal;
        }

        ReportableDecision = reportable;
        DecisionReason = reason;
        DecidedAt = at;
        DecidedById = by;
        return null;
    }

    /// <summary>
    /// What is wrong with the report dates, as (field, resource key): each on or after the day the
    /// organisation became aware (<paramref name="awareOn"/>) and not after today, the final report not before the preliminary one.
    /// </summary>
    public static IEnumerable<(string Field, string Problem)> CheckReportDates(
        DateOnly? preliminaryReportedOn, DateOnly? finalReportedOn, DateOnly? individualsNotifiedOn, DateOnly awareOn, DateOnly today)
    {
        foreach (var (field, date) in new[]
                 {
                     (nameof(PreliminaryReportedOn), preliminaryReportedOn),
                     (nameof(FinalReportedOn), finalReportedOn),
                     (nameof(IndividualsNotifiedOn), individualsNotifiedOn),
                 })
        {
            if (date < awareOn)
            {
                yield return (field, "Incidents.DateBeforeAwareness");
            }
            else if (date > today)
            {
                yield return (field, "Incidents.DateInFuture");
            }
        }

        if (finalReportedOn is { } final && preliminaryReportedOn is { } preliminary && final < preliminary)
        {
            yield return (nameof(FinalReportedOn), "Incidents.FinalBeforePreliminary");
        }
    }

    /// <summary>
    /// Records the reports to the PPC and the notification of the people concerned (a date may be
    /// cleared). All or nothing: returns what is wrong (<see cref="CheckReportDates"/>), none when recorded.
    /// </summary>
    public IReadOnlyList<(string Field, string Problem)> RecordReports(
        DateOnly? preliminaryReportedOn, DateOnly? finalReportedOn, DateOnly? individualsNotifiedOn, string individualsNotification, DateOnly awareOn, DateOnly today)
    {
        var problems = CheckReportDates(preliminaryReportedOn, finalReportedOn, individualsNotifiedOn, awareOn, today).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        PreliminaryReportedOn = preliminaryReportedOn;
        FinalReportedOn = finalReportedOn;
        IndividualsNotifiedOn = individualsNotifiedOn;
        IndividualsNotification = individualsNotification;
        return [];
    }
}

/// <summary>A recurrence-prevention action of an incident: the shared corrective-action record (Source = Incident), linked here.</summary>
public class IncidentAction
{
    public Guid IncidentId { get; set; }
    public Incident Incident { get; set; } = null!;
    public Guid CorrectiveActionId { get; set; }
    public CorrectiveAction CorrectiveAction { get; set; } = null!;
}
