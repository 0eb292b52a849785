namespace Controls.Web.Features.Catalog;

/// <summary>
/// The controls of ISO/IEC 27001:2022 Annex A (93 in four themes), which catalog measures map to.
/// Clauses 4 to 10 of the standard (e.g. 9.2 internal audit) are requirements, not Annex A controls.
/// </summary>
public static class Iso27001
{
    public const string Organisational = "organisational";
    public const string People = "people";
    public const string Physical = "physical";
    public const string Technological = "technological";

    /// <summary>The valid ranges, for messages and pages.</summary>
    public const string Ranges = "5.1-5.37, 6.1-6.8, 7.1-7.14 and 8.1-8.34";

    /// <summary>A control with its title in English and in Japanese (as JIS Q 27001:2023 names it).</summary>
    public sealed record Control(string Id, string Theme, string Title, string TitleJa)
    {
        public string TitleIn(string language) => language == "en" ? Title : TitleJa;
    }

    public static readonly IReadOnlyList<Control> Controls =
    [
        new("5.1", Organisational, "Policies for information security", "情報セキュリティのための方針群"),
        new("5.2", Organisational, "Information security roles and responsibilities", "情報セキュリティの役割及び責任"),
        new("5.3", Organisational, "Segregation of duties", "職務の分離"),
        new("5.4", Organisational, "Management responsibilities", "管理層の責任"),
        new("5.5", Organisational, "Contact with authorities", "関係当局との連絡"),
        new("5.6", Organisational, "Contact with special interest groups", "専門組織との連絡"),
        new("5.7", Organisational, "Threat intelligence", "脅威インテリジェンス"),
        new("5.8", Organisational, "Information security in project management", "プロジェクトマネジメントにおける情報セキュリティ"),
        new("5.9", Organisational, "Inventory of information and other associated assets", "情報及びその他の関連資産の目録"),
        new("5.10", Organisational, "Acceptable use of information and other associated assets", "情報及びその他の関連資産の利用の許容範囲"),
        new("5.11", Organisational, "Return of assets", "資産の返却"),
        new("5.12", Organisational, "Classification of information", "情報の分類"),
        new("5.13", Organisational, "Labelling of information", "情報のラベル付け"),
        new("5.14", Organisational, "Information transfer", "情報転送"),
        new("5.15", Organisational, "Access control", "アクセス制御"),
        new("5.16", Organisational, "Identity management", "識別情報の管理"),
        new("5.17", Organisational, "Authentication information", "認証情報"),
        new("5.18", Organisational, "Access rights", "アクセス権"),
        new("5.19", Organisational, "Information security in supplier relationships", "供給者関係における情報セキュリティ"),
        new("5.20", Organisational, "Addressing information security within supplier agreements", "供給者との合意における情報セキュリティの取扱い"),
        new("5.21", Organisational, "Managing information security in the ICT supply chain", "ICTサプライチェーンにおける情報セキュリティの管理"),
        new("5.22", Organisational, "Monitoring, review and change management of supplier services", "供給者のサービス提供の監視、レビュー及び変更管理"),
        new("5.23", Organisational, "Information security for use of cloud services", "クラウドサービスの利用における情報セキュリティ"),
        new("5.24", Organisational, "Information security incident management planning and preparation", "情報セキュリティインシデント管理の計画策定及び準備"),
        new("5.25", Organisational, "Assessment and decision on information security events", "情報セキュリティ事象の評価及び決定"),
        new("5.26", Organisational, "Response to information security incidents", "情報セキュリティインシデントへの対応"),
        new("5.27", Organisational, "Learning from information security incidents", "情報セキュリティインシデントからの学習"),
        new("5.28", Organisational, "Collection of evidence", "証拠の収集"),
        new("5.29", Organisational, "Information security during disruption", "事業の中断・阻害時の情報セキュリティ"),
        new("5.30", Organisational, "ICT readiness for business continuity", "事業継続のためのICTの備え"),
        new("5.31", Organisational, "Legal, statutory, regulatory and contractual requirements", "法令、規制及び契約上の要求事項"),
        new("5.32", Organisational, "Intellectual property rights", "知的財産権"),
        new("5.33", Organisational, "Protection of records", "記録の保護"),
        new("5.34", Organisational, "Privacy and protection of PII", "プライバシー及び個人識別可能情報(PII)の保護"),
        new("5.35", Organisational, "Independent review of information security", "情報セキュリティの独立したレビュー"),
        new("5.36", Organisational, "Compliance with policies, rules and standards for information security", "情報セキュリティのための方針群、規則及び標準の順守"),
        new("5.37", Organisational, "Documented operating procedures", "操作手順書"),

        new("6.1", People, "Screening", "選考"),
        new("6.2", People, "Terms and conditions of employment", "雇用条件"),
        new("6.3", People, "Information security awareness, education and training", "情報セキュリティの意識向上、教育及び訓練"),
        new("6.4", People, "Disciplinary process", "懲戒手続"),
        new("6.5", People, "Responsibilities after termination or change of employment", "雇用の終了又は変更後の責任"),
        new("6.6", People, "Confidentiality or non-disclosure agreements", "秘密保持契約又は守秘義務契約"),
        new("6.7", People, "Remote working", "リモートワーク"),
        new("6.8", People, "Information security event reporting", "情報セキュリティ事象の報告"),

        new("7.1", Physical, "Physical security perimeters", "物理的セキュリティ境界"),
        new("7.2", Physical, "Physical entry", "物理的入退"),
        new("7.3", Physical, "Securing offices, rooms and facilities", "オフィス、部屋及び施設のセキュリティ"),
        new("7.4", Physical, "Physical security monitoring", "物理的セキュリティの監視"),
        new("7.5", Physical, "Protecting against physical and environmental threats", "物理的及び環境的脅威からの保護"),
        new("7.6", Physical, "Working in secure areas", "セキュリティを保つべき領域での作業"),
        new("7.7", Physical, "Clear desk and clear screen", "クリアデスク・クリアスクリーン"),
        new("7.8", Physical, "Equipment siting and protection", "装置の設置及び保護"),
        new("7.9", Physical, "Security of assets off-premises", "構外にある資産のセキュリティ"),
        new("7.10", Physical, "Storage media", "記憶媒体"),
        new("7.11", Physical, "Supporting utilities", "サポートユーティリティ"),
        new("7.12", Physical, "Cabling security", "ケーブル配線のセキュリティ"),
        new("7.13", Physical, "Equipment maintenance", "装置の保守"),
        new("7.14", Physical, "Secure disposal or re-use of equipment", "装置のセキュリティを保った処分又は再利用"),

        new("8.1", Technological, "User end point devices", "利用者エンドポイント機器"),
        new("8.2", Technological, "Privileged access rights", "特権的アクセス権"),
        new("8.3", Technological, "Information access restriction", "情報へのアクセス制限"),
        new("8.4", Technological, "Access to source code", "ソースコードへのアクセス"),
        new("8.5", Technological, "Secure authentication", "セキュリティを保った認証"),
        new("8.6", Technological, "Capacity management", "容量・能力の管理"),
        new("8.7", Technological, "Protection against malware", "マルウェアに対する保護"),
        new("8.8", Technological, "Management of technical vulnerabilities", "技術的ぜい弱性の管理"),
        new("8.9", Technological, "Configuration management", "構成管理"),
        new("8.10", Technological, "Information deletion", "情報の削除"),
        new("8.11", Technological, "Data masking", "データマスキング"),
        new("8.12", Technological, "Data leakage prevention", "データ漏えいの防止"),
        new("8.13", Technological, "Information backup", "情報のバックアップ"),
        new("8.14", Technological, "Redundancy of information processing facilities", "情報処理施設の冗長性"),
        new("8.15", Technological, "Logging", "ログ取得"),
        new("8.16", Technological, "Monitoring activities", "監視活動"),
        new("8.17", Technological, "Clock synchronization", "クロックの同期"),
        new("8.18", Technological, "Use of privileged utility programs", "特権的なユーティリティプログラムの使用"),
        new("8.19", Technological, "Installation of software on operational systems", "運用システムに関わるソフトウェアの導入"),
        new("8.20", Technological, "Networks security", "ネットワークのセキュリティ"),
        new("8.21", Technological, "Security of network services", "ネットワークサービスのセキュリティ"),
        new("8.22", Technological, "Segregation of networks", "ネットワークの分離"),
        new("8.23", Technological, "Web filtering", "ウェブフィルタリング"),
        new("8.24", Technological, "Use of cryptography", "暗号の利用"),
        new("8.25", Technological, "Secure development life cycle", "セキュリティに配慮した開発のライフサイクル"),
        new("8.26", Technological, "Application security requirements", "アプリケーションのセキュリティの要求事項"),
        new("8.27", Technological, "Secure system architecture and engineering principles", "セキュリティに配慮したシステムアーキテクチャ及びシステム構築の原則"),
        new("8.28", Technological, "Secure coding", "セキュリティに配慮したコーディング"),
        new("8.29", Technological, "Security testing in development and acceptance", "開発及び受入れにおけるセキュリティテスト"),
        new("8.30", Technological, "Outsourced development", "外部委託による開発"),
        new("8.31", Technological, "Separation of development, test and production environments", "開発環境、テスト環境及び本番環境の分離"),
        new("8.32", Technological, "Change management", "変更管理"),
        new("8.33", Technological, "Test information", "テスト用情報"),
        new("8.34", Technological, "Protection of information systems during audit testing", "監査試験中の情報システムの保護"),
    ];

    private static readonly Dictionary<string, Control> ById = Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The control with this exact ID ("7.10", not "7.1" or "A.7.10"), or null.</summary>
    public static Control? Find(string id) => ById.GetValueOrDefault(id);

    public static bool IsControl(string id) => ById.ContainsKey(id);
}
