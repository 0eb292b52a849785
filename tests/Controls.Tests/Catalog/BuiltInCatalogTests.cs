using Controls.Web.Features.Catalog;
using static Controls.Tests.Catalog.CatalogFiles;

namespace Controls.Tests.Catalog;

public class BuiltInCatalogTests
{
    [Fact]
    public void The_security_measures_catalog_is_valid_and_complete()
    {
        var catalog = Read("appi-security-measures.yaml");

        Assert.Equal("appi-security-measures", catalog.Id);
        Assert.Equal(CatalogTarget.Departments, catalog.Target);
        Assert.Equal(
            ["POL-1", "RUL-1", "ORG-1", "ORG-2", "ORG-3", "ORG-4", "ORG-5", "HUM-1", "PHY-1", "PHY-2", "PHY-3", "PHY-4", "TEC-1", "TEC-2", "TEC-3", "TEC-4", "EXT-1"],
            catalog.Measures.Select(m => m.Id));
        Assert.DoesNotContain(catalog.Measures, m => m.Category == MeasureCategory.ContractorSupervision);
        AssertComplete(catalog);
    }

    [Fact]
    public void The_contractor_supervision_catalog_is_valid_and_complete()
    {
        var catalog = Read("appi-contractor-supervision.yaml");

        Assert.Equal("appi-contractor-supervision", catalog.Id);
        Assert.Equal(CatalogTarget.Contractors, catalog.Target);
        Assert.Equal(["SUP-1", "SUP-2", "SUP-3", "SUP-4"], catalog.Measures.Select(m => m.Id));
        Assert.All(catalog.Measures, m => Assert.Equal(MeasureCategory.ContractorSupervision, m.Category));
        AssertComplete(catalog);
    }

    private static CatalogDocument Read(string name)
    {
        var result = CatalogFile.Read(BuiltIn(name));
        Assert.Empty(result.Problems);
        return result.Document!;
    }

    private static void AssertComplete(CatalogDocument catalog)
    {
        var texts = new List<LocalizedText> { catalog.Title, catalog.Description };
        foreach (var measure in catalog.Measures)
        {
            texts.AddRange([measure.Title, measure.Description, measure.Statement]);
            Assert.InRange(measure.Items.Count, CatalogParser.MinItems, CatalogParser.MaxItems);
            Assert.NotEmpty(measure.Iso27001);
            Assert.All(measure.Iso27001, id => Assert.NotNull(Iso27001.Find(id)));
            Assert.All(measure.Items, item => Assert.StartsWith(measure.Id + ".", item.Id, StringComparison.Ordinal));
            texts.AddRange(measure.Items.SelectMany(i => new[] { i.Question, i.Guidance, i.Evidence }));
        }

        Assert.All(texts, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Ja));
            Assert.False(string.IsNullOrWhiteSpace(text.En));
        });
    }
}
