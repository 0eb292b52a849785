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

    /// <summary>
    /// The requirement areas of JIS Q 15001 an internal audit must cover, each with the clause (or
    /// Annex A item, in the 2017 numbering the catalog cites) that some check item must cite.
    /// </summary>
    public static readonly (string Area, string Clause)[] PmsAreas =
    [
        ("context and scope", "4"),
        ("policy", "5.2"),
        ("roles, responsibilities and authorities", "5.3"),
        ("identification of personal information", "A.3.3.1"),
        ("risk assessment and treatment", "6.1"),
        ("objectives and plans", "6.2"),
        ("resources", "7.1"),
        ("competence", "7.2"),
        ("awareness and training", "7.3"),
        ("communication", "7.4"),
        ("documented information and records", "7.5"),
        ("operation", "8"),
        ("acquisition (取得)", "A.3.4.2.2"),
        ("notice at acquisition", "A.3.4.2.4"),
        ("use (利用)", "A.3.4.2.6"),
        ("provision to third parties (提供)", "A.3.4.2.8"),
        ("accuracy and retention (正確性の確保)", "A.3.4.3.1"),
        ("security (安全管理措置)", "A.3.4.3.2"),
        ("supervision of staff", "A.3.4.3.3"),
        ("contractors (委託先の監督)", "A.3.4.3.4"),
        ("requests from individuals (開示等の請求等)", "A.3.4.4"),
        ("complaints and enquiries (苦情及び相談)", "A.3.6"),
        ("emergency preparedness (緊急事態への準備)", "A.3.3.7"),
        ("monitoring and measurement", "9.1"),
        ("internal audit", "9.2"),
        ("management review", "9.3"),
        ("corrective action and improvement", "10"),
    ];

    [Fact]
    public void The_PMS_catalog_covers_every_requirement_area_of_JIS_Q_15001_with_a_clause_on_every_item()
    {
        var catalog = Read("jisq15001-pms.yaml");

        Assert.Equal("jisq15001-pms", catalog.Id);
        Assert.Equal(CatalogTarget.Departments, catalog.Target);
        Assert.Contains("JIS Q 15001:2023", catalog.Guideline, StringComparison.Ordinal);
        Assert.All(catalog.Measures, m => Assert.Equal(MeasureCategory.Pms, m.Category));
        var clauses = catalog.Measures.SelectMany(m => m.Items).Select(i => i.Clause).ToList();
        Assert.All(clauses, c => Assert.False(string.IsNullOrEmpty(c)));
        var uncovered = PmsAreas.Where(a => !clauses.Any(c => c == a.Clause || c.StartsWith(a.Clause + ".", StringComparison.Ordinal))).Select(a => a.Area);
        Assert.Empty(uncovered);
        Assert.Equal(22, catalog.Measures.Count);
        AssertComplete(catalog, needsStatement: false);
    }

    [Fact]
    public void The_PMS_catalog_maps_overlapping_measures_to_measures_that_exist_in_the_APPI_catalogs()
    {
        var catalog = Read("jisq15001-pms.yaml");
        var appi = Read("appi-security-measures.yaml").Measures.Concat(Read("appi-contractor-supervision.yaml").Measures).Select(m => m.Id).ToList();

        Assert.Equal(appi.Order(StringComparer.Ordinal), AppiMeasures.Ids.Order(StringComparer.Ordinal));
        Assert.All(catalog.Measures.SelectMany(m => m.AppiMeasures), id => Assert.Contains(id, appi));
        var bySubject = catalog.Measures.ToDictionary(m => m.Title.En, m => m.AppiMeasures);
        Assert.Equal(["SUP-1", "SUP-2", "SUP-3", "SUP-4"], bySubject["Supervision of contractors"]);
        Assert.Contains("TEC-1", bySubject["Security control measures and supervision of staff"]);
        Assert.Contains("PHY-4", bySubject["Security control measures and supervision of staff"]);
        Assert.Equal(["ORG-4"], bySubject["Emergency preparedness (incidents)"]);
        Assert.Equal(["ORG-5"], bySubject["Internal audit"]);
    }

    private static CatalogDocument Read(string name)
    {
        var result = CatalogFile.Read(BuiltIn(name));
        Assert.Empty(result.Problems);
        return result.Document!;
    }

    private static void AssertComplete(CatalogDocument catalog, bool needsStatement = true)
    {
        var texts = new List<LocalizedText> { catalog.Title, catalog.Description };
        foreach (var measure in catalog.Measures)
        {
            texts.AddRange(needsStatement ? [measure.Title, measure.Description, measure.Statement] : [measure.Title, measure.Description]);
            Assert.InRange(measure.Items.Count, CatalogParser.MinItems, CatalogParser.MaxItems);
            if (needsStatement)
            {
                Assert.NotEmpty(measure.Iso27001);
            }

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
