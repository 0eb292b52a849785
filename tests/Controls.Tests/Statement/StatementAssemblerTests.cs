using Controls.Web.Features.Statement;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Controls.Tests.Statement;

public class StatementAssemblerTests
{
    /// <summary>Labels as "[key args]" so the tests see which fixed text went where.</summary>
    private static string Label(string key, object[] args) => args.Length == 0 ? $"[{key}]" : $"[{key} {string.Join(";", args)}]";

    private static StatementMeasureText M(string code, string category, int order, bool withheld = false, string catalog = "appi") =>
        new(catalog, code, category, order, $"{code} を講じています。", $"We do {code}.", withheld);

    [Fact]
    public void Sections_follow_the_usual_order_whatever_the_catalog_order()
    {
        var document = StatementAssembler.Assemble("ja",
            [M("SUP-1", "contractor-supervision", 0, catalog: "sup"), M("TEC-1", "technical", 9), M("POL-1", "basic-policy", 0), M("HUM-1", "human", 5), M("ORG-2", "organisational", 3), M("ORG-1", "organisational", 2)],
            [], Label);

        Assert.Equal(
            ["[Statement.Text.Title]", "[Statement.Text.Intro]",
             "[Statement.Section.basic-policy]", "POL-1 を講じています。",
             "[Statement.Section.organisational]", "ORG-1 を講じています。", "ORG-2 を講じています。",
             "[Statement.Section.human]", "HUM-1 を講じています。",
             "[Statement.Section.technical]", "TEC-1 を講じています。",
             "[Statement.Section.contractor-supervision]", "SUP-1 を講じています。"],
            document.Paragraphs.Select(p => p.Text));
        Assert.Equal(ParagraphKind.Title, document.Paragraphs[0].Kind);
        Assert.Equal(ParagraphKind.Heading, document.Paragraphs[2].Kind);
        Assert.Equal(ParagraphKind.Text, document.Paragraphs[3].Kind);
    }

    [Fact]
    public void Withheld_measures_are_left_out_and_a_section_with_nothing_left_has_no_heading()
    {
        var document = StatementAssembler.Assemble("en",
            [M("POL-1", "basic-policy", 0), M("PHY-1", "physical", 1, withheld: true), M("TEC-1", "technical", 2), M("TEC-3", "technical", 3, withheld: true)],
            [], Label);

        var texts = document.Paragraphs.Select(p => p.Text).ToList();
        Assert.Contains("We do TEC-1.", texts);
        Assert.DoesNotContain("We do TEC-3.", texts);
        Assert.DoesNotContain("We do PHY-1.", texts);
        Assert.DoesNotContain("[Statement.Section.physical]", texts);
    }

    [Fact]
    public void The_foreign_environment_section_names_the_countries_and_their_notes_even_without_a_measure()
    {
        var countries = new[]
        {
            new StatementCountry("US", "アメリカ合衆国", "United States", "州法により規制があります。", "State laws apply."),
            new StatementCountry("SG", "シンガポール", "Singapore", "", ""),
        };
        var ja = StatementAssembler.Assemble("ja", [M("POL-1", "basic-policy", 0)], countries, Label);
        var en = StatementAssembler.Assemble("en", [M("POL-1", "basic-policy", 0)], countries, Label);

        Assert.Equal(
            ["[Statement.Section.external-environment]", "[Statement.Text.Countries アメリカ合衆国、シンガポール]", "[Statement.Text.CountryNote アメリカ合衆国;州法により規制があります。]"],
            ja.Paragraphs.Skip(4).Select(p => p.Text));
        Assert.Equal("[Statement.Text.Countries United States, Singapore]", en.Paragraphs[5].Text);
        Assert.Equal(7, en.Paragraphs.Count);
    }

    [Fact]
    public void The_plain_text_marks_headings_and_keeps_one_paragraph_a_line()
    {
        var document = new StatementDocument("ja",
        [
            new(ParagraphKind.Title, "安全管理のために講じた措置"),
            new(ParagraphKind.Text, "当社は次の措置を講じています。"),
            new(ParagraphKind.Heading, "基本方針の策定"),
            new(ParagraphKind.Text, "基本方針を策定しています。"),
        ]);

        Assert.Equal("安全管理のために講じた措置\n\n当社は次の措置を講じています。\n\n■ 基本方針の策定\n基本方針を策定しています。\n", document.ToPlainText());
        Assert.Equal(["安全管理のために講じた措置", "", "当社は次の措置を講じています。", "", "■ 基本方針の策定", "基本方針を策定しています。"],
            StatementDocument.Lines(document.ToPlainText()));
    }

    [Fact]
    public void The_html_fragment_encodes_every_text_and_the_docx_is_valid_with_the_same_paragraphs()
    {
        var document = new StatementDocument("en",
        [
            new(ParagraphKind.Title, "Security measures"),
            new(ParagraphKind.Heading, "Technical <measures>"),
            new(ParagraphKind.Text, "We use \"TLS\" & <script>alert(1)</script> encryption."),
        ]);

        var html = document.ToHtmlFragment();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<h3>Technical &lt;measures&gt;</h3>", html);
        Assert.Contains("&quot;TLS&quot; &amp; &lt;script&gt;", html);
        Assert.StartsWith("<section class=\"security-measures\" lang=\"en\">", html);

        var bytes = StatementDocx.Write(document);
        using (var package = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(package));
        }

        Assert.Equal(document.Paragraphs.Select(p => p.Text), StatementDocx.ReadParagraphs(new MemoryStream(bytes)));
    }

    [Fact]
    public void The_paragraph_model_round_trips_through_json()
    {
        var document = new StatementDocument("ja", [new(ParagraphKind.Title, "タイトル"), new(ParagraphKind.Text, "本文 \"引用\"")]);
        var back = StatementDocument.FromJson("ja", document.ToJson());
        Assert.Equal(document.Paragraphs, back.Paragraphs);
        Assert.Contains("\"Title\"", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wording_becomes_one_paragraph_that_xml_can_hold()
    {
        Assert.Equal("当社は 鍵を 管理しています。 😀", StatementDocument.OneParagraph("  当社は\r\n鍵を\t管理しています。\u0001\uFFFF\uD800 😀 "));
        Assert.Equal("", StatementDocument.OneParagraph(null));
    }

    [Fact]
    public void The_country_placeholder_is_replaced_by_the_names_and_such_a_sentence_is_dropped_when_no_country_is_recorded()
    {
        var ext = new StatementMeasureText("appi", "EXT-1", "external-environment", 0, "当社は、[国名]において個人データを取り扱っています。", "We handle personal data in [country].", false);
        var countries = new[] { new StatementCountry("US", "アメリカ合衆国", "United States", "", ""), new StatementCountry("SG", "シンガポール", "Singapore", "", ""), new StatementCountry("DE", "ドイツ", "Germany", "", "") };

        var ja = StatementAssembler.Assemble("ja", [ext], countries, Label);
        var en = StatementAssembler.Assemble("en", [ext], countries, Label);
        Assert.Equal(["[Statement.Section.external-environment]", "当社は、アメリカ合衆国、シンガポール及びドイツにおいて個人データを取り扱っています。"], ja.Paragraphs.Skip(2).Select(p => p.Text));
        Assert.Equal("We handle personal data in United States, Singapore and Germany.", en.Paragraphs[3].Text);
        Assert.Equal("We handle personal data in Singapore.", StatementAssembler.Assemble("en", [ext], countries[1..2], Label).Paragraphs[3].Text);

        var none = StatementAssembler.Assemble("ja", [ext], [], Label);
        Assert.Equal(2, none.Paragraphs.Count);
    }
}
