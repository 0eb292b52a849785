using System.Text;
using Controls.Web.Features.Catalog;
using static Controls.Tests.Catalog.CatalogFiles;
using Code = Controls.Web.Features.Catalog.CatalogProblemCode;

namespace Controls.Tests.Catalog;

public class CatalogParserTests
{
    [Fact]
    public void The_small_catalog_used_below_is_valid()
    {
        var result = Parse(Valid);

        Assert.Empty(result.Problems);
        var measure = Assert.Single(result.Document!.Measures);
        Assert.Equal(["OSK-1.1", "OSK-1.2", "OSK-1.3"], measure.Items.Select(i => i.Id));
        Assert.Equal(["7.6", "7.7"], measure.Iso27001);
        Assert.False(measure.Items[2].SmallBusiness);
        Assert.Equal(new LocalizedText("大阪支店 追加点検", "Osaka branch additional checks"), result.Document.Title);
    }

    public sealed record Case(Func<string, string> Mutate, string Position, string Code, string Fragment);

    /// <summary>One mistake each, in <see cref="CatalogFiles.Valid"/>: exactly one problem, at this line:column.</summary>
    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty file"] = new(_ => "", "1:1", Code.EmptyFile, "the file is empty"),
        ["only comments and blank lines"] = new(_ => "# nothing yet\n\n   \n", "1:1", Code.EmptyFile, "the file is empty"),
        ["file is a list"] = new(_ => "- catalog\n- measures\n", "1:1", Code.WrongKind, "the file must be a mapping with the keys catalog, measures, not a list"),
        ["colon in a plain text"] = new(
            Replace("en: Are forms placed in the locked box?", "en: Note: forms are placed in the box"),
            "30:19", Code.YamlSyntax, "must be in double quotes"),
        ["unclosed quote"] = new(Replace("version: \"2026.1\"", "version: \"2026.1"), "3:12", Code.YamlSyntax, "invalid YAML"),
        ["tab as indentation"] = new(Replace("    ja: 大阪支店 追加点検", "\t  ja: 大阪支店 追加点検"), "7:1", Code.YamlSyntax, "indent with spaces"),
        ["alias"] = new(
            s => Replace("  description:\n    ja: 大阪支店の申込書の管理状況を点検します。\n    en: Checks how the Osaka branch handles application forms.\n", "  description: *t\n")(
                Replace("  title:\n", "  title: &t\n")(s)),
            "9:16", Code.YamlAlias, "aliases (*name) are not supported"),
        ["second document"] = new(s => s + "---\nother: x\n", "60:1", Code.MultipleDocuments, "one YAML document"),

        ["unknown key in catalog"] = new(Replace("  version:", "  owner: someone\n  version:"), "3:3", Code.UnknownKey, "unknown key 'owner' in catalog"),
        ["unknown key in measure"] = new(
            Replace("    recurrence: monthly\n", "    recurrence: monthly\n    owner: someone\n"), "22:5", Code.UnknownKey, "unknown key 'owner' in measure OSK-1"),
        ["unknown key in item"] = new(
            Replace("      - id: OSK-1.1\n", "      - id: OSK-1.1\n        note: x\n"), "28:9", Code.UnknownKey, "unknown key 'note' in item OSK-1.1"),
        ["unknown key in a text"] = new(
            Replace("      en: Application forms at the reception desk\n", "      en: Application forms at the reception desk\n      fr: Formulaires\n"),
            "18:7", Code.UnknownKey, "unknown key 'fr' in 'title' of measure OSK-1; the keys are: ja, en"),
        ["key written twice"] = new(
            Replace("  id: osaka-branch-checks\n", "  id: osaka-branch-checks\n  id: other\n"), "3:3", Code.DuplicateKey, "key 'id' appears twice in catalog (first at line 2)"),

        ["missing key in catalog"] = new(
            Replace("  guideline: \"個人情報保護法ガイドライン(通則編) 2026年4月一部改正\"\n", ""), "1:1", Code.MissingKey, "catalog is missing the key 'guideline'"),
        ["missing key in measure"] = new(Replace("    recurrence: monthly\n", ""), "13:5", Code.MissingKey, "measure OSK-1 is missing the key 'recurrence'"),
        ["missing key in item"] = new(Replace("        small_business: true\n", ""), "27:9", Code.MissingKey, "item OSK-1.1 is missing the key 'small_business'"),
        ["several keys missing"] = new(
            s => Replace("    recurrence: monthly\n", "")(Replace("    category: physical\n", "")(s)), "13:5", Code.MissingKey, "measure OSK-1 is missing the keys 'category' and 'recurrence'"),
        ["missing measures section"] = new(s => s[..s.IndexOf("measures:", StringComparison.Ordinal)], "1:1", Code.MissingKey, "the file is missing the key 'measures'"),

        ["list where a single value belongs"] = new(Replace("  target: departments", "  target: [departments]"), "5:11", Code.WrongKind, "'target' of catalog must be a single value, not a list"),
        ["single value where a list belongs"] = new(Replace("[\"7.6\", \"7.7\"]", "\"7.6\""), "22:15", Code.WrongKind, "'iso27001' of measure OSK-1 must be a list"),
        ["one text where ja and en belong"] = new(
            Replace("    title:\n      ja: 受付窓口での申込書の管理\n      en: Application forms at the reception desk\n", "    title: Application forms\n"),
            "15:12", Code.WrongKind, "'title' of measure OSK-1 must be a Japanese text (ja:) and an English text (en:), not the value 'Application forms'"),

        ["missing English text"] = new(Replace("    en: Osaka branch additional checks\n", ""), "6:3", Code.MissingText, "'title' of catalog is missing the key 'en'"),
        ["empty Japanese text"] = new(Replace("      ja: 受付窓口での申込書の管理", "      ja:"), "16:7", Code.EmptyText, "the Japanese text of 'title' of measure OSK-1 is empty"),
        ["empty English text in quotes"] = new(Replace("          en: Spot-check notes", "          en: \"\""), "36:11", Code.EmptyText, "the English text of 'evidence' of item OSK-1.1 is empty"),
        ["no texts at all"] = new(
            Replace("  description:\n    ja: 大阪支店の申込書の管理状況を点検します。\n    en: Checks how the Osaka branch handles application forms.\n", "  description:\n"),
            "9:3", Code.MissingText, "'description' of catalog has no text"),
        ["empty version"] = new(Replace("version: \"2026.1\"", "version: \"\""), "3:3", Code.EmptyValue, "'version' of catalog is empty"),

        ["measure id used twice"] = new(
            s => s + Measure("OSK-1", "organisational", "OSK-1.4", "OSK-1.5", "OSK-1.6"), "60:9", Code.DuplicateId, "measure id 'OSK-1' is used twice (first at line 13)"),
        ["item id used twice"] = new(Replace("- id: OSK-1.2", "- id: OSK-1.1"), "38:13", Code.DuplicateId, "item id 'OSK-1.1' is used twice (first at line 27)"),
        ["item id used twice in two measures"] = new(
            s => s + Measure("OSK-2", "organisational", "OSK-2.1", "OSK-2.2", "OSK-2.2"), "96:13", Code.DuplicateId, "item id 'OSK-2.2' is used twice (first at line 85)"),

        ["bad catalog id"] = new(Replace("osaka-branch-checks", "Osaka_Branch"), "2:7", Code.BadId, "may use only lowercase letters, digits and single hyphens"),
        ["bad measure id"] = new(Replace("  - id: OSK-1\n", "  - id: osk-1\n"), "13:9", Code.BadId, "measure id 'osk-1' must be UPPERCASE letters, a hyphen and a number"),
        ["bad item id"] = new(Replace("- id: OSK-1.2", "- id: OSK-1-2"), "38:13", Code.BadId, "item id 'OSK-1-2' must be the measure id, a dot and a number: OSK-1.1, OSK-1.2, ..."),
        ["item numbered 0"] = new(Replace("- id: OSK-1.1", "- id: OSK-1.0"), "27:13", Code.BadId, "item id 'OSK-1.0' must be the measure id, a dot and a number"),
        ["item id of another measure"] = new(Replace("- id: OSK-1.3", "- id: OSK-2.3"), "49:13", Code.BadId, "item id 'OSK-2.3' must start with the id of its measure"),

        ["unknown target"] = new(Replace("target: departments", "target: department"), "5:11", Code.UnknownTarget, "'department' is not a valid target for catalog; use one of: departments, contractors"),
        ["unknown category"] = new(
            Replace("category: physical", "category: policy"), "14:15", Code.UnknownCategory,
            "use one of: basic-policy, handling-rules, organisational, human, physical, technical, external-environment, contractor-supervision"),
        ["bad recurrence"] = new(Replace("recurrence: monthly", "recurrence: yearly"), "21:17", Code.UnknownRecurrence, "use one of: monthly, quarterly, semiannual, annual"),
        ["contractor catalog with a physical measure"] = new(
            Replace("target: departments", "target: contractors"), "14:15", Code.CategoryNotForTarget, "may only hold 'contractor-supervision' measures"),
        ["department catalog with a contractor measure"] = new(
            Replace("category: physical", "category: contractor-supervision"), "14:15", Code.CategoryNotForTarget, "belongs in a catalog with target 'contractors'"),

        ["ISO control past the end of a theme"] = new(
            Replace("[\"7.6\", \"7.7\"]", "[\"7.6\", \"5.38\"]"), "22:23", Code.UnknownIsoControl, "'5.38' in 'iso27001' of measure OSK-1 is not an ISO/IEC 27001:2022 Annex A control: Annex A ids are 5.1-5.37"),
        ["ISO clause instead of a control"] = new(Replace("[\"7.6\", \"7.7\"]", "[\"9.2\"]"), "22:16", Code.UnknownIsoControl, "mention clauses such as 9.2 in the description"),
        ["ISO control as a range"] = new(Replace("[\"7.6\", \"7.7\"]", "[\"7.6-7.7\"]"), "22:16", Code.UnknownIsoControl, "written one by one"),
        ["ISO control listed twice"] = new(Replace("[\"7.6\", \"7.7\"]", "[\"7.6\", \"7.6\"]"), "22:23", Code.DuplicateIsoControl, "'7.6' is listed twice"),
        ["no ISO control"] = new(Replace("[\"7.6\", \"7.7\"]", "[]"), "22:5", Code.NoIsoControl, "must list at least one ISO/IEC 27001:2022 Annex A control"),

        ["APPI measure that does not exist"] = new(
            Replace("    iso27001: [\"7.6\", \"7.7\"]\n", "    iso27001: [\"7.6\", \"7.7\"]\n    appi: [\"PHY-1\", \"TEC-9\"]\n"), "23:21", Code.UnknownAppiMeasure,
            "'TEC-9' in 'appi' of measure OSK-1 is not a measure of the built-in APPI catalogs"),
        ["APPI measure listed twice"] = new(
            Replace("    iso27001: [\"7.6\", \"7.7\"]\n", "    iso27001: [\"7.6\", \"7.7\"]\n    appi: [\"PHY-1\", \"PHY-1\"]\n"), "23:21", Code.DuplicateAppiMeasure,
            "'PHY-1' is listed twice in 'appi' of measure OSK-1"),
        ["empty APPI mapping"] = new(
            Replace("    iso27001: [\"7.6\", \"7.7\"]\n", "    iso27001: [\"7.6\", \"7.7\"]\n    appi: []\n"), "23:5", Code.NoAppiMeasure, "must list at least one APPI measure id"),
        ["clause that is not a number"] = new(
            Replace("      - id: OSK-1.1\n", "      - id: OSK-1.1\n        clause: \"9.2 a)\"\n"), "28:17", Code.BadClause, "'9.2 a)' is not a clause number for 'clause' of item OSK-1.1"),
        ["clause of Annex A in lower case"] = new(
            Replace("      - id: OSK-1.1\n", "      - id: OSK-1.1\n        clause: a.3.6\n"), "28:17", Code.BadClause, "e.g. \"9.2\" or \"A.3.4.2.1\""),
        ["statement left out of a security measure"] = new(
            Replace("    statement:\n      ja: 当社は、申込書を施錠できる保管箱に保管しています。\n      en: We keep application forms in a locked box.\n", ""),
            "13:5", Code.MissingKey, "measure OSK-1 is missing the key 'statement'"),

        ["no measures"] = new(s => s[..s.IndexOf("measures:", StringComparison.Ordinal)] + "measures: []\n", "12:1", Code.NoMeasures, "'measures' must list at least one measure"),
        ["two items"] = new(s => s[..s.IndexOf("      - id: OSK-1.3", StringComparison.Ordinal)], "26:5", Code.ItemCount, "measure OSK-1 has 2 check items; a measure needs 3 to 6"),
        ["seven items"] = new(s => s + Item("OSK-1.4") + Item("OSK-1.5") + Item("OSK-1.6") + Item("OSK-1.7"), "26:5", Code.ItemCount, "measure OSK-1 has 7 check items"),
        ["small_business yes"] = new(Replace("small_business: true", "small_business: yes"), "37:25", Code.NotBoolean, "'small_business' of item OSK-1.1 must be true or false (without quotes), not 'yes'"),
        ["small_business in quotes"] = new(Replace("small_business: true", "small_business: \"true\""), "37:25", Code.NotBoolean, "must be true or false (without quotes)"),
        ["small_business empty"] = new(Replace("small_business: true", "small_business:"), "37:9", Code.NotBoolean, "must be true or false (without quotes), not empty"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_broken_file_gets_one_problem_at_the_right_place(string name)
    {
        var @case = Cases[name];

        var result = Parse(@case.Mutate(Valid), "broken.yaml");

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal($"broken.yaml:{@case.Position}: ", $"{problem.File}:{problem.Line}:{problem.Column}: ");
        Assert.Equal(@case.Code, problem.Code);
        Assert.Contains(@case.Fragment, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"broken.yaml:{@case.Position}: ", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The Osaka measure as a PMS requirement: no statement, no ISO mapping, a clause on each item, an APPI mapping.</summary>
    private static string AsPms(string text) =>
        Replace("    category: physical\n", "    category: pms\n")(
            Replace("    iso27001: [\"7.6\", \"7.7\"]\n    statement:\n      ja: 当社は、申込書を施錠できる保管箱に保管しています。\n      en: We keep application forms in a locked box.\n",
                "    appi: [\"PHY-1\", \"SUP-2\"]\n")(
                Replace("      - id: OSK-1.1\n", "      - id: OSK-1.1\n        clause: \"A.3.4.3.2\"\n")(
                    Replace("      - id: OSK-1.2\n", "      - id: OSK-1.2\n        clause: \"9.1\"\n")(
                        Replace("      - id: OSK-1.3\n", "      - id: OSK-1.3\n        clause: \"10\"\n")(text)))));

    [Fact]
    public void A_PMS_measure_cites_a_clause_on_each_item_maps_to_APPI_measures_and_needs_no_statement_or_ISO_mapping()
    {
        var result = Parse(AsPms(Valid));

        Assert.Empty(result.Problems);
        var measure = Assert.Single(result.Document!.Measures);
        Assert.Equal(MeasureCategory.Pms, measure.Category);
        Assert.Equal(["A.3.4.3.2", "9.1", "10"], measure.Items.Select(i => i.Clause));
        Assert.Equal(["PHY-1", "SUP-2"], measure.AppiMeasures);
        Assert.Empty(measure.Iso27001);
        Assert.Equal(new LocalizedText("", ""), measure.Statement);
    }

    [Fact]
    public void A_check_item_of_a_PMS_measure_without_a_clause_is_refused_where_the_item_starts()
    {
        var text = Replace("      - id: OSK-1.2\n        clause: \"9.1\"\n", "      - id: OSK-1.2\n")(AsPms(Valid));

        var problem = Assert.Single(Parse(text, "pms.yaml").Problems);

        Assert.Equal(Code.MissingClause, problem.Code);
        Assert.Equal("pms.yaml:36:9: item OSK-1.2 is missing the key 'clause': every item of a 'pms' measure names the clause it checks, e.g. clause: \"9.2\"", problem.ToString());
    }

    [Fact]
    public void A_security_measure_may_cite_clauses_and_still_needs_its_ISO_mapping()
    {
        var withClause = Replace("      - id: OSK-1.1\n", "      - id: OSK-1.1\n        clause: \"7.6\"\n")(Valid);
        Assert.Equal("7.6", Parse(withClause).Document!.Measures[0].Items[0].Clause);
        Assert.Equal("", Parse(Valid).Document!.Measures[0].Items[0].Clause);

        var problem = Assert.Single(Parse(Replace("    iso27001: [\"7.6\", \"7.7\"]\n", "")(Valid)).Problems);
        Assert.Equal((Code.MissingKey, "measure OSK-1 is missing the key 'iso27001'"), (problem.Code, problem.Message));
    }

    [Fact]
    public void Every_problem_is_reported_in_one_pass_in_file_order()
    {
        var text = Replace("small_business: true", "small_business: yes")(
            Replace("category: physical", "category: policy")(
                Replace("osaka-branch-checks", "Osaka_Branch")(Valid)));

        var result = Parse(text);

        Assert.Equal(["2:7", "14:15", "37:25"], result.Problems.Select(p => $"{p.Line}:{p.Column}"));
    }

    [Fact]
    public void Problems_beyond_the_limit_are_summed_up()
    {
        var text = Valid[..Valid.IndexOf("measures:", StringComparison.Ordinal)] + "measures:\n" + string.Concat(Enumerable.Repeat("  - x\n", 150));

        var result = Parse(text);

        Assert.Equal(CatalogParser.MaxProblems + 1, result.Problems.Count);
        Assert.Equal(Code.TooManyProblems, result.Problems[^1].Code);
        Assert.Contains("50 more problems", result.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var at = IndexOf(bytes, Encoding.UTF8.GetBytes("大阪支店 追加点検")) + Encoding.UTF8.GetByteCount("大阪支店");
        bytes.Insert(at, 0x93); // a Shift_JIS lead byte

        var problem = Assert.Single(CatalogParser.Parse("sjis.yaml", [.. bytes]).Problems);

        Assert.Equal("sjis.yaml:7:13: the file is not valid UTF-8 (byte 0x93); save it as UTF-8 (a file saved as Shift_JIS is the usual cause)", problem.ToString());
        Assert.Equal(Code.NotUtf8, problem.Code);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16BE")]
    public void A_utf16_file_is_refused(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Valid)).ToArray();

        var problem = Assert.Single(CatalogParser.Parse("wide.yaml", bytes).Problems);

        Assert.Equal("wide.yaml:1:1: the file is UTF-16; save it as UTF-8", problem.ToString());
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_refused()
    {
        var problem = Assert.Single(CatalogParser.Parse("wide.yaml", Encoding.Unicode.GetBytes(Valid)).Problems);

        Assert.Equal(Code.Utf16, problem.Code);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_fine_and_moves_no_column()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };

        Assert.True(CatalogParser.Parse("bom.yaml", [.. bom, .. Encoding.UTF8.GetBytes(Valid)]).IsValid);
        var broken = Encoding.UTF8.GetBytes(Valid.Replace("catalog:", "catalogue:", StringComparison.Ordinal));
        var problem = CatalogParser.Parse("bom.yaml", [.. bom, .. broken]).Problems[0];
        Assert.Equal((1, 1, Code.UnknownKey), (problem.Line, problem.Column, problem.Code));
    }

    [Fact]
    public void Windows_line_endings_are_fine()
    {
        var crlf = Valid.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.True(Parse(crlf).IsValid);
        var problem = Assert.Single(Parse(Replace("category: physical", "category: policy")(crlf)).Problems);
        Assert.Equal((14, 15), (problem.Line, problem.Column));
    }

    [Fact]
    public void An_oversized_file_is_refused_before_parsing()
    {
        var bytes = new byte[CatalogParser.MaxBytes + 1];
        Array.Fill(bytes, (byte)'[');

        var problem = Assert.Single(CatalogParser.Parse("big.yaml", bytes).Problems);

        Assert.Equal("big.yaml:1:1: the file is 1,048,577 bytes; a catalog may be at most 1 MiB (1,048,576 bytes)", problem.ToString());
    }

    [Fact]
    public void Deep_nesting_is_refused_early()
    {
        // YamlStream would overflow the stack on this (killing the process), and YamlDotNet's parser needs minutes for it.
        var deep = "catalog: " + new string('[', 500_000) + new string(']', 500_000) + "\n";

        var problem = Assert.Single(Parse(deep).Problems);

        Assert.Equal((1, 10 + YamlTree.MaxDepth - 1, Code.TooDeep), (problem.Line, problem.Column, problem.Code));
    }

    private const string Noise = " :-[]{}\"'#&*!|>\n\t\\x";

    [Fact]
    public void Nothing_in_a_mangled_built_in_file_throws()
    {
        // Cut the real file at many places and flip bytes: any input must give problems, never an exception.
        var bytes = File.ReadAllBytes(BuiltIn("appi-contractor-supervision.yaml"));
        var random = new Random(20261121);
        for (var i = 0; i < 300; i++)
        {
            var copy = bytes[..random.Next(bytes.Length)];
            for (var flips = random.Next(4); flips > 0 && copy.Length > 0; flips--)
            {
                copy[random.Next(copy.Length)] = (byte)Noise[random.Next(Noise.Length)];
            }

            var result = CatalogParser.Parse("mangled.yaml", copy);

            Assert.True(result.IsValid || result.Problems.Count > 0);
            Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1));
        }
    }

    [Fact]
    public void The_example_in_the_docs_is_valid()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot, "docs", "checklists.md"));
        var start = docs.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];

        var result = Parse(example, "docs-example.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal("osaka-branch-checks", result.Document!.Id);
    }

    /// <summary>Replaces the first occurrence, which must exist.</summary>
    private static Func<string, string> Replace(string find, string replacement) => text =>
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the text");
        return text[..at] + replacement + text[(at + find.Length)..];
    };

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            if (haystack.Skip(i).Take(needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
