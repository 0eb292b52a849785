namespace Controls.Web.Domain;

/// <summary>
/// A checklist catalog (チェックリスト), e.g. the APPI security measures. Its content lives in
/// versions: importing a changed file adds a version, and nothing that points at an earlier
/// version ever changes (inspections and audits keep the text they were made from).
/// </summary>
public class Catalog
{
    public Guid Id { get; set; }
    /// <summary>The file's <c>catalog.id</c>, stable across versions (e.g. appi-security-measures).</summary>
    public string Key { get; set; } = "";
    /// <summary><c>departments</c> or <c>contractors</c>.</summary>
    public string Target { get; set; } = "";
    /// <summary>Built-in catalogs ship in checklists/ and change only through files.</summary>
    public bool IsBuiltIn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<CatalogVersion> Versions { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>One imported version (版) of a catalog, with a full copy of its measures and items.</summary>
public class CatalogVersion
{
    public Guid Id { get; set; }
    public Guid CatalogId { get; set; }
    public Catalog Catalog { get; set; } = null!;
    /// <summary>1, 2, 3… in import order.</summary>
    public int Number { get; set; }
    /// <summary>The file's own version label (<c>catalog.version</c>, e.g. "2026.1").</summary>
    public string Label { get; set; } = "";
    public string Guideline { get; set; } = "";
    public string TitleJa { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>SHA-256 of the catalog written canonically: an unchanged file imports as a no-op.</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public List<Measure> Measures { get; set; } = [];
}

/// <summary>A security control measure (安全管理措置) in one catalog version, e.g. ORG-3.</summary>
public class Measure
{
    public Guid Id { get; set; }
    public Guid CatalogVersionId { get; set; }
    public CatalogVersion CatalogVersion { get; set; } = null!;
    public string Code { get; set; } = "";
    public string Category { get; set; } = "";
    public string TitleJa { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string Recurrence { get; set; } = "";
    /// <summary>ISO/IEC 27001:2022 Annex A control ids, e.g. "5.1".</summary>
    public List<string> Iso27001 { get; set; } = [];
    /// <summary>The APPI measures (ids of the built-in APPI catalogs, e.g. "TEC-1", "SUP-2") this measure overlaps; empty for most catalogs.</summary>
    public List<string> Appi { get; set; } = [];
    public string StatementJa { get; set; } = "";
    public string StatementEn { get; set; } = "";
    public int SortOrder { get; set; }
    public List<CheckItem> Items { get; set; } = [];

    public string Title(string language) => language == "en" ? TitleEn : TitleJa;
}

/// <summary>A check item (点検項目) of a measure, e.g. ORG-3.2.</summary>
public class CheckItem
{
    public Guid Id { get; set; }
    public Guid MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public string Code { get; set; } = "";
    public string QuestionJa { get; set; } = "";
    public string QuestionEn { get; set; } = "";
    public string GuidanceJa { get; set; } = "";
    public string GuidanceEn { get; set; } = "";
    public string EvidenceJa { get; set; } = "";
    public string EvidenceEn { get; set; } = "";
    /// <summary>Also expected under the simplified examples for small businesses (中小規模事業者).</summary>
    public bool SmallBusiness { get; set; }
    /// <summary>The clause of the standard the item checks (e.g. "9.2" of JIS Q 15001); empty where the catalog cites none.</summary>
    public string Clause { get; set; } = "";
    public int SortOrder { get; set; }
}
