using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Controls.Tests.Foundation;

/// <summary>
/// The texts use the glossary's words (docs/glossary.md, the team's reference copied into the
/// repository): no other word for a concept the glossary names, in either language, and a text that
/// names a concept in Japanese names the same concept in English.
/// </summary>
public partial class GlossaryTests
{
    /// <summary>Words people also use for a glossary concept, each with the glossary's word to use instead.</summary>
    private static readonly (string Avoid, string Use)[] JapaneseVariants =
    [
        ("部署", "部門"), ("部門長", "部門責任者"), ("事業部", "本部"), ("差し戻し", "差戻し"),
        ("是正措置", "是正処置"), ("改善措置", "改善計画"), ("証拠", "証跡"), ("エビデンス", "証跡"),
        ("監査ログ", "監査証跡"), ("操作ログ", "監査証跡"), ("委託業者", "委託先"), ("漏洩", "漏えい"),
        ("チェック項目", "点検項目"), ("重大不適合", "重大な不適合"), ("軽微不適合", "軽微な不適合"),
        ("内部監査人", "内部監査員"), ("自主点検", "自己点検"), ("セルフチェック", "自己点検"),
        ("期日", "期限"), ("受講履歴", "受講記録"), ("理解度テスト", "理解度確認テスト"), ("合格ライン", "合格点"),
    ];

    private static readonly (string Avoid, string Use)[] EnglishVariants =
    [
        ("dunning", "reminder"), ("self-assessment", "self-inspection"), ("nonconformance", "nonconformity"),
        ("audit log", "audit trail"), ("department manager", "department head"), ("division manager", "division"),
        ("outsourcee", "contractor"), ("vendor", "contractor"), ("data breach", "incident"), ("checkup", "self-inspection"),
        ("quiz", "comprehension test"),
    ];

    /// <summary>
    /// Concepts whose Japanese word, where a text uses it, must be matched by the English word in the
    /// same text's English version (the glossary's pairs that read one way in both languages).
    /// </summary>
    private static readonly (string Japanese, string English)[] Pairs =
    [
        ("自己点検", "inspection"), ("証跡", "evidence"), ("指摘事項", "finding"), ("是正処置", "action"),
        ("委託先", "contractor"), ("個人データ取扱台帳", "ledger"), ("監査証跡", "audit trail"), ("誓約書", "pledge"),
        ("部門責任者", "head"), ("個人情報保護管理者", "compliance officer"), ("速報", "preliminary"), ("確報", "final"),
        ("理解度確認テスト", "test"),
    ];

    [Fact]
    public void The_words_to_use_are_the_glossarys_own()
    {
        var glossary = GlossaryText();
        Assert.All(JapaneseVariants, v => Assert.Contains(v.Use, glossary, StringComparison.Ordinal));
        Assert.All(EnglishVariants, v => Assert.Contains(v.Use, glossary, StringComparison.OrdinalIgnoreCase));
        Assert.All(Pairs, p => Assert.Contains(p.Japanese, glossary, StringComparison.Ordinal));
        Assert.All(Pairs, p => Assert.Contains(p.English, glossary, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Japanese_texts_use_the_glossarys_words()
    {
        var misuses = Resources("SharedResource.resx")
            .SelectMany(r => JapaneseVariants.Where(v => r.Value.Contains(v.Avoid, StringComparison.Ordinal))
                .Select(v => $"{r.Key}: 「{v.Avoid}」ではなく「{v.Use}」"))
            .ToList();
        Assert.True(misuses.Count == 0, string.Join("\n", misuses));
    }

    [Fact]
    public void English_texts_use_the_glossarys_words()
    {
        var misuses = Resources("SharedResource.en.resx")
            .SelectMany(r => EnglishVariants.Where(v => Regex.IsMatch(r.Value, $@"\b{Regex.Escape(v.Avoid)}", RegexOptions.IgnoreCase))
                .Select(v => $"{r.Key}: '{v.Avoid}', not '{v.Use}'"))
            .ToList();
        Assert.True(misuses.Count == 0, string.Join("\n", misuses));
    }

    [Fact]
    public void A_concept_named_in_Japanese_is_named_with_the_glossarys_English_word_too()
    {
        var english = Resources("SharedResource.en.resx");
        var mismatches = Resources("SharedResource.resx")
            .SelectMany(r => Pairs.Where(p => r.Value.Contains(p.Japanese, StringComparison.Ordinal)
                    && !english[r.Key].Contains(p.English, StringComparison.OrdinalIgnoreCase)
                    && !Contained(p.Japanese, r.Value))
                .Select(p => $"{r.Key}: 「{p.Japanese}」 but no '{p.English}' in “{english[r.Key]}”"))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The word only occurs inside a longer glossary word with an English word of its own (監査証跡 holds 証跡).</summary>
    private static bool Contained(string word, string text) =>
        Pairs.Where(p => p.Japanese != word && p.Japanese.Contains(word, StringComparison.Ordinal))
            .Aggregate(text, (t, p) => t.Replace(p.Japanese, "", StringComparison.Ordinal))
            .Contains(word, StringComparison.Ordinal) is false;

    private static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Controls.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir!.FullName, .. parts]);
    }

    private static string GlossaryText() => File.ReadAllText(RepositoryFile("docs", "glossary.md"));

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(RepositoryFile("src", "Controls.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
}
