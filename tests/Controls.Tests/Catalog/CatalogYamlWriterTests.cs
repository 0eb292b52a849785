using Controls.Web.Features.Catalog;
using static Controls.Tests.Catalog.CatalogFiles;

namespace Controls.Tests.Catalog;

public class CatalogYamlWriterTests
{
    [Theory]
    [InlineData("appi-security-measures.yaml")]
    [InlineData("appi-contractor-supervision.yaml")]
    [InlineData("jisq15001-pms.yaml")]
    public void A_built_in_catalog_survives_the_round_trip(string name)
    {
        var original = CatalogFile.Read(BuiltIn(name)).Document!;

        var again = Parse(CatalogYamlWriter.Write(original));

        Assert.Empty(again.Problems);
        AssertSame(original, again.Document!);
    }

    [Theory]
    [InlineData("appi-security-measures.yaml")]
    [InlineData("appi-contractor-supervision.yaml")]
    [InlineData("jisq15001-pms.yaml")]
    public void A_built_in_catalog_is_written_in_its_own_layout(string name)
    {
        var file = File.ReadAllText(BuiltIn(name));
        var withoutHeaderComments = string.Concat(file.Split('\n').SkipWhile(line => line.StartsWith('#')).Select(line => line + "\n"))[..^1];

        var written = CatalogYamlWriter.Write(CatalogFile.Read(BuiltIn(name)).Document!);

        Assert.Equal(withoutHeaderComments, written);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("7.10")]
    [InlineData("2026.1")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData(".inf")]
    [InlineData("2026-04-01")]
    [InlineData("12:30")]
    [InlineData("- looks like a list")]
    [InlineData("[not a list]")]
    [InlineData("{not: a map}")]
    [InlineData("#not a comment")]
    [InlineData("text # not a comment")]
    [InlineData("key: value")]
    [InlineData("注意: コロンの後に空白")]
    [InlineData("ends with a colon:")]
    [InlineData("&anchor")]
    [InlineData("*alias")]
    [InlineData("!tag")]
    [InlineData("|block")]
    [InlineData(">folded")]
    [InlineData("'single'")]
    [InlineData("\"double\" quotes")]
    [InlineData("quotes \"inside\" are fine")]
    [InlineData("@at")]
    [InlineData("`backtick")]
    [InlineData("%percent")]
    [InlineData("? question")]
    [InlineData("...")]
    [InlineData("---")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("back\\slash")]
    [InlineData("C:\\users\\x")]
    [InlineData("line\u2028separator")]
    [InlineData("next\u0085line")]
    [InlineData("bell\u0007")]
    [InlineData("\uFEFFbom")]
    [InlineData("emoji 😀 and 日本語")]
    [InlineData("plain text, with commas [and] brackets")]
    public void Tricky_text_survives_the_round_trip(string text)
    {
        var original = Parse(Valid).Document!;
        var measure = original.Measures[0];
        var tricky = original with
        {
            Version = text,
            Guideline = text,
            Title = new LocalizedText(text, text),
            Measures = [measure with { Statement = new LocalizedText(text, text), Items = [.. measure.Items.Select(i => i with { Evidence = new LocalizedText(text, text) })] }],
        };

        var written = CatalogYamlWriter.Write(tricky);
        var again = Parse(written);

        Assert.Empty(again.Problems);
        AssertSame(tricky, again.Document!);
        Assert.Equal(written, CatalogYamlWriter.Write(again.Document!));
    }

    [Fact]
    public void Plain_text_stays_plain_and_numbers_are_quoted()
    {
        Assert.Equal("個人データの安全管理措置", CatalogYamlWriter.Plain("個人データの安全管理措置"));
        Assert.Equal("4つの類型", CatalogYamlWriter.Plain("4つの類型"));
        Assert.Equal("Saying only \"abroad\" is not enough.", CatalogYamlWriter.Plain("Saying only \"abroad\" is not enough."));
        Assert.Equal("\"7.10\"", CatalogYamlWriter.Plain("7.10"));
        Assert.Equal("\"yes\"", CatalogYamlWriter.Plain("yes"));
    }

    /// <summary>Records compare lists by reference: compare the lists' contents.</summary>
    internal static void AssertSame(CatalogDocument expected, CatalogDocument actual)
    {
        Assert.Equal(expected with { Measures = [] }, actual with { Measures = [] });
        Assert.Equal(expected.Measures.Count, actual.Measures.Count);
        foreach (var (e, a) in expected.Measures.Zip(actual.Measures))
        {
            Assert.Equal(e with { Iso27001 = [], Items = [], Appi = null }, a with { Iso27001 = [], Items = [], Appi = null });
            Assert.Equal(e.Iso27001, a.Iso27001);
            Assert.Equal(e.AppiMeasures, a.AppiMeasures);
            Assert.Equal(e.Items, a.Items);
        }
    }
}
