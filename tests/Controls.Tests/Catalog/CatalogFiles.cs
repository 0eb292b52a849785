using System.Text;
using Controls.Web.Features.Catalog;

namespace Controls.Tests.Catalog;

/// <summary>The repository's files and a small valid catalog for tests to break.</summary>
internal static class CatalogFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string BuiltIn(string name) => Path.Combine(RepoRoot, "checklists", name);

    public static CatalogParseResult Parse(string text, string file = "test.yaml") =>
        CatalogParser.Parse(file, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// One measure (lines 13-59) with three items of 11 lines each (27-37, 38-48, 49-59).
    /// Tests replace a line and expect problems at exact positions: keep the line numbers.
    /// </summary>
    public const string Valid = """
        catalog:
          id: osaka-branch-checks
          version: "2026.1"
          guideline: "個人情報保護法ガイドライン(通則編) 2026年4月一部改正"
          target: departments
          title:
            ja: 大阪支店 追加点検
            en: Osaka branch additional checks
          description:
            ja: 大阪支店の申込書の管理状況を点検します。
            en: Checks how the Osaka branch handles application forms.
        measures:
          - id: OSK-1
            category: physical
            title:
              ja: 受付窓口での申込書の管理
              en: Application forms at the reception desk
            description:
              ja: 申込書を来店者から見えない状態で保管します（法第23条）。
              en: Forms are kept out of sight of visitors (Art. 23).
            recurrence: monthly
            iso27001: ["7.6", "7.7"]
            statement:
              ja: 当社は、申込書を施錠できる保管箱に保管しています。
              en: We keep application forms in a locked box.
            items:
              - id: OSK-1.1
                question:
                  ja: 申込書を保管箱に入れていますか。
                  en: Are forms placed in the locked box?
                guidance:
                  ja: 置かれたままの申込書がなければ「はい」です。
                  en: Yes means no form is left on the counter.
                evidence:
                  ja: 現地確認の記録
                  en: Spot-check notes
                small_business: true
              - id: OSK-1.2
                question:
                  ja: 申込書は当日中に本社へ送付されていますか。
                  en: Are the forms sent to head office on the day they are received?
                guidance:
                  ja: 翌日以降の送付があれば「一部」です。
                  en: Any form sent a day late or more means partial.
                evidence:
                  ja: 送付記録
                  en: Dispatch log
                small_business: true
              - id: OSK-1.3
                question:
                  ja: 申込書は封筒に封入して送付されていますか。
                  en: Are the forms sent in sealed envelopes?
                guidance:
                  ja: 社内便でも封入が必要です。
                  en: Internal mail counts too.
                evidence:
                  ja: 送付ルール
                  en: Dispatch rule
                small_business: false

        """;

    /// <summary>A check item in the layout of <see cref="Valid"/> (11 lines), to add items or measures.</summary>
    public static string Item(string id) => $"""
              - id: {id}
                question:
                  ja: 質問
                  en: A question?
                guidance:
                  ja: 説明
                  en: Guidance.
                evidence:
                  ja: 証跡
                  en: Evidence
                small_business: true

        """;

    /// <summary>A measure (14 lines, then its items), to append to <see cref="Valid"/>.</summary>
    public static string Measure(string id, string category = "organisational", params string[] itemIds) => $"""
          - id: {id}
            category: {category}
            title:
              ja: 題名
              en: Title
            description:
              ja: 説明
              en: Description
            recurrence: annual
            iso27001: ["5.1"]
            statement:
              ja: 当社は…
              en: We ...
            items:

        """ + string.Concat((itemIds.Length > 0 ? itemIds : [$"{id}.1", $"{id}.2", $"{id}.3"]).Select(Item));

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Controls.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Controls.sln not found above {AppContext.BaseDirectory}");
    }
}
