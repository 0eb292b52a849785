namespace Controls.Web.Features.Incidents;

/// <summary>The four kinds of incident that must be reported to the PPC (APPI Art. 26; PPC rules Art. 7).</summary>
public enum ReportableCategory
{
    /// <summary>(1) 要配慮個人情報: special-care personal information, even for one person.</summary>
    SpecialCare,
    /// <summary>(2) Risk of financial harm (card numbers, payment credentials), even for one person.</summary>
    FinancialHarm,
    /// <summary>(3) Possibly malicious (intrusion, ransomware, insider theft), even for one person.</summary>
    Malicious,
    /// <summary>(4) More than 1,000 people.</summary>
    MoreThan1000People,
}

/// <summary>One line of the explanation: a resource key and its arguments.</summary>
public sealed record ReportabilityReason(string Key, params object[] Args);

/// <summary>The computed answer: the categories that match, whether the encryption exemption applies, and why.</summary>
public sealed record Reportability(bool Reportable, IReadOnlyList<ReportableCategory> Categories, bool ExemptByEncryption, IReadOnlyList<ReportabilityReason> Reasons)
{
    public bool Malicious => Categories.Contains(ReportableCategory.Malicious);
}

/// <summary>
/// Whether an incident (actual or suspected) must be reported to the PPC and the people told:
/// any of the four categories matches, unless all the data concerned was protected by advanced
/// encryption (高度な暗号化). Categories (1)–(3) apply whatever the number of people; (4) needs
/// more than 1,000 (1,000 itself is not enough). A pure function: the compliance officer
/// confirms or overrides its answer, with a reason.
/// </summary>
public static class IncidentReportability
{
    public const int PeopleThreshold = 1000;

    public static Reportability Assess(bool specialCare, bool financialHarmRisk, bool suspectedMalice, int peopleCount, bool encrypted)
    {
        var categories = new List<ReportableCategory>();
        var reasons = new List<ReportabilityReason>();
        if (specialCare)
        {
            categories.Add(ReportableCategory.SpecialCare);
            reasons.Add(new("Incidents.Reason.SpecialCare"));
        }

        if (financialHarmRisk)
        {
            categories.Add(ReportableCategory.FinancialHarm);
            reasons.Add(new("Incidents.Reason.FinancialHarm"));
        }

        if (suspectedMalice)
        {
            categories.Add(ReportableCategory.Malicious);
            reasons.Add(new("Incidents.Reason.Malicious"));
        }

        if (peopleCount > PeopleThreshold)
        {
            categories.Add(ReportableCategory.MoreThan1000People);
            reasons.Add(new("Incidents.Reason.MoreThan1000", peopleCount));
        }
        else
        {
            reasons.Add(new("Incidents.Reason.NotMoreThan1000", peopleCount));
        }

        if (categories.Count == 0)
        {
            reasons.Add(new("Incidents.Reason.NoCategory"));
            return new(false, categories, false, reasons);
        }

        if (encrypted)
        {
            reasons.Add(new("Incidents.Reason.EncryptionExempt"));
            return new(false, categories, true, reasons);
        }

        reasons.Add(new("Incidents.Reason.Reportable"));
        return new(true, categories, false, reasons);
    }

    public static Reportability Assess(Domain.Incident incident) =>
        Assess(incident.SpecialCareData, incident.FinancialHarmRisk, incident.SuspectedMalice, incident.PeopleCount, incident.Encrypted);

    /// <summary>The compliance officer's decision where made, otherwise the computed answer.</summary>
    public static bool IsReportable(Domain.Incident incident) => incident.ReportableDecision ?? Assess(incident).Reportable;
}
