namespace Controls.Web.Domain;

/// <summary>
/// The countries and regions personal data may be handled in (ISO 3166-1 alpha-2), with their names
/// in Japanese and English: reference data for the contractors' and the ledger's countries, the
/// ledger import, the foreign-environment check of an inspection and the public statement. Ordered
/// by how often they come up in Japanese outsourcing (Japan, then East and South-East Asia, Oceania,
/// Europe, the Americas, the Middle East, Africa), which is also the order of the choices. Codes
/// not listed here are refused.
/// </summary>
public static class Countries
{
    public sealed record Country(string Code, string Ja, string En)
    {
        public string Name(string language) => language == "en" ? En : Ja;
    }

    public static readonly IReadOnlyList<Country> All =
    [
        new("JP", "日本", "Japan"),
        new("US", "アメリカ合衆国", "United States"),
        new("CN", "中国", "China"),
        new("KR", "韓国", "South Korea"),
        new("TW", "台湾", "Taiwan"),
        new("HK", "香港", "Hong Kong"),
        new("MO", "マカオ", "Macao"),
        new("SG", "シンガポール", "Singapore"),
        new("IN", "インド", "India"),
        new("VN", "ベトナム", "Vietnam"),
        new("PH", "フィリピン", "Philippines"),
        new("TH", "タイ", "Thailand"),
        new("MY", "マレーシア", "Malaysia"),
        new("ID", "インドネシア", "Indonesia"),
        new("KH", "カンボジア", "Cambodia"),
        new("MM", "ミャンマー", "Myanmar"),
        new("LA", "ラオス", "Laos"),
        new("BD", "バングラデシュ", "Bangladesh"),
        new("LK", "スリランカ", "Sri Lanka"),
        new("PK", "パキスタン", "Pakistan"),
        new("NP", "ネパール", "Nepal"),
        new("MN", "モンゴル", "Mongolia"),
        new("AU", "オーストラリア", "Australia"),
        new("NZ", "ニュージーランド", "New Zealand"),
        new("GB", "イギリス", "United Kingdom"),
        new("IE", "アイルランド", "Ireland"),
        new("DE", "ドイツ", "Germany"),
        new("FR", "フランス", "France"),
        new("NL", "オランダ", "Netherlands"),
        new("BE", "ベルギー", "Belgium"),
        new("LU", "ルクセンブルク", "Luxembourg"),
        new("CH", "スイス", "Switzerland"),
        new("AT", "オーストリア", "Austria"),
        new("SE", "スウェーデン", "Sweden"),
        new("FI", "フィンランド", "Finland"),
        new("DK", "デンマーク", "Denmark"),
        new("NO", "ノルウェー", "Norway"),
        new("IS", "アイスランド", "Iceland"),
        new("ES", "スペイン", "Spain"),
        new("PT", "ポルトガル", "Portugal"),
        new("IT", "イタリア", "Italy"),
        new("GR", "ギリシャ", "Greece"),
        new("PL", "ポーランド", "Poland"),
        new("CZ", "チェコ", "Czechia"),
        new("SK", "スロバキア", "Slovakia"),
        new("HU", "ハンガリー", "Hungary"),
        new("RO", "ルーマニア", "Romania"),
        new("BG", "ブルガリア", "Bulgaria"),
        new("EE", "エストニア", "Estonia"),
        new("LV", "ラトビア", "Latvia"),
        new("LT", "リトアニア", "Lithuania"),
        new("UA", "ウクライナ", "Ukraine"),
        new("RU", "ロシア", "Russia"),
        new("TR", "トルコ", "Türkiye"),
        new("CA", "カナダ", "Canada"),
        new("MX", "メキシコ", "Mexico"),
        new("BR", "ブラジル", "Brazil"),
        new("AR", "アルゼンチン", "Argentina"),
        new("CL", "チリ", "Chile"),
        new("CO", "コロンビア", "Colombia"),
        new("PE", "ペルー", "Peru"),
        new("AE", "アラブ首長国連邦", "United Arab Emirates"),
        new("SA", "サウジアラビア", "Saudi Arabia"),
        new("QA", "カタール", "Qatar"),
        new("IL", "イスラエル", "Israel"),
        new("EG", "エジプト", "Egypt"),
        new("ZA", "南アフリカ", "South Africa"),
        new("KE", "ケニア", "Kenya"),
        new("NG", "ナイジェリア", "Nigeria"),
    ];

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The country of an upper-case alpha-2 code, or null when it is not on the list.</summary>
    public static Country? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var country) ? country : null;

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>The name in the language; an unknown code (stored before the list changed) shows as itself.</summary>
    public static string Name(string code, string language) => Find(code)?.Name(language) ?? code;

    /// <summary>
    /// The codes of a form's values: each value may itself be a comma-separated list ("JP, US");
    /// trimmed, upper-cased, duplicates dropped, order kept.
    /// </summary>
    public static List<string> Parse(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split([',', '、', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.Trim().ToUpperInvariant())
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
