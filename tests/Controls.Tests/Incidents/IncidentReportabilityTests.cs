using Controls.Web.Features.Incidents;
using static Controls.Web.Features.Incidents.ReportableCategory;

namespace Controls.Tests.Incidents;

/// <summary>The four reportable categories, their combinations, the encryption exemption and the 1,000-person boundary.</summary>
public class IncidentReportabilityTests
{
    public static TheoryData<bool, bool, bool, int, bool, bool, ReportableCategory[]> Cases => new()
    {
        // special-care, financial, malicious, people, encrypted → reportable, categories
        { false, false, false, 1, false, false, [] },
        { false, false, false, 0, false, false, [] },
        { true, false, false, 1, false, true, [SpecialCare] },
        { false, true, false, 1, false, true, [FinancialHarm] },
        { false, false, true, 1, false, true, [Malicious] },
        { false, false, false, 1000, false, false, [] },
        { false, false, false, 1001, false, true, [MoreThan1000People] },
        { false, false, false, 250_000, false, true, [MoreThan1000People] },
        { true, true, false, 3, false, true, [SpecialCare, FinancialHarm] },
        { false, true, true, 1001, false, true, [FinancialHarm, Malicious, MoreThan1000People] },
        { true, true, true, 5000, false, true, [SpecialCare, FinancialHarm, Malicious, MoreThan1000People] },
        // Advanced encryption exempts every category, alone or combined.
        { true, false, false, 1, true, false, [SpecialCare] },
        { false, true, false, 1, true, false, [FinancialHarm] },
        { false, false, true, 1, true, false, [Malicious] },
        { false, false, false, 1001, true, false, [MoreThan1000People] },
        { true, true, true, 5000, true, false, [SpecialCare, FinancialHarm, Malicious, MoreThan1000People] },
        { false, false, false, 10, true, false, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applies_the_four_categories_and_the_encryption_exemption(bool specialCare, bool financial, bool malicious, int people, bool encrypted,
        bool reportable, ReportableCategory[] categories)
    {
        var result = IncidentReportability.Assess(specialCare, financial, malicious, people, encrypted);
        Assert.Equal(reportable, result.Reportable);
        Assert.Equal(categories, result.Categories);
        Assert.Equal(encrypted && categories.Length > 0, result.ExemptByEncryption);
        Assert.Equal(malicious, result.Malicious);
    }

    [Fact]
    public void One_thousand_people_is_not_reportable_by_count_one_thousand_and_one_is()
    {
        var thousand = IncidentReportability.Assess(false, false, false, 1000, false);
        Assert.False(thousand.Reportable);
        Assert.Contains(thousand.Reasons, r => r.Key == "Incidents.Reason.NotMoreThan1000" && (int)r.Args[0] == 1000);
        Assert.Contains(thousand.Reasons, r => r.Key == "Incidents.Reason.NoCategory");

        var more = IncidentReportability.Assess(false, false, false, 1001, false);
        Assert.True(more.Reportable);
        Assert.Contains(more.Reasons, r => r.Key == "Incidents.Reason.MoreThan1000" && (int)r.Args[0] == 1001);
        Assert.Equal("Incidents.Reason.Reportable", more.Reasons[^1].Key);
    }

    [Fact]
    public void The_explanation_names_every_matched_category_and_the_exemption()
    {
        var result = IncidentReportability.Assess(true, false, true, 12, true);
        Assert.Equal(
            ["Incidents.Reason.SpecialCare", "Incidents.Reason.Malicious", "Incidents.Reason.NotMoreThan1000", "Incidents.Reason.EncryptionExempt"],
            result.Reasons.Select(r => r.Key));
    }
}
