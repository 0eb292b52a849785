using Controls.Web.Domain;

namespace Controls.Tests.Ledger;

/// <summary>
/// What a department's ledger means for its self-inspection: data handled abroad makes EXT-1
/// (understanding the foreign environment) applicable, so "not applicable" is refused on its items.
/// </summary>
public class LedgerMeasureRulesTests
{
    [Fact]
    public void The_countries_abroad_are_every_country_but_Japan_once_and_sorted() =>
        Assert.Equal(["SG", "US", "VN"], LedgerEntry.CountriesAbroad([["JP", "US"], ["VN", "JP", "US"], ["SG"], []]));

    [Fact]
    public void A_ledger_handled_only_in_Japan_has_no_countries_abroad() =>
        Assert.Empty(LedgerEntry.CountriesAbroad([["JP"], []]));

    [Fact]
    public void Data_handled_abroad_forbids_not_applicable_on_the_foreign_environment_measure() =>
        Assert.True(LedgerEntry.ForbidsNotApplicable(LedgerEntry.ForeignEnvironmentMeasure, ["US"]));

    [Theory]
    [InlineData("EXT-1", false)]
    [InlineData("ORG-3", true)]
    [InlineData("TEC-1", true)]
    public void Otherwise_not_applicable_stays_allowed(string measure, bool abroad) =>
        Assert.False(LedgerEntry.ForbidsNotApplicable(measure, abroad ? ["US"] : []));
}
