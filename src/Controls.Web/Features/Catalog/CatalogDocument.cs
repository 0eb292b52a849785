namespace Controls.Web.Features.Catalog;

/// <summary>
/// A checklist catalog as read from its YAML file (docs/checklists.md). Values keep the file's
/// spellings (<c>departments</c>, <c>basic-policy</c>, <c>"7.10"</c>): they are stored and exported as is.
/// </summary>
public sealed record CatalogDocument(
    string Id,
    string Version,
    string Guideline,
    string Target,
    LocalizedText Title,
    LocalizedText Description,
    IReadOnlyList<CatalogMeasure> Measures);

/// <summary>
/// A security control measure (安全管理措置) and its check items. <see cref="Iso27001"/> and
/// <see cref="Appi"/> are optional mappings (empty when the file has none); a measure of category
/// <c>pms</c> has no public statement (empty <see cref="Statement"/>).
/// </summary>
public sealed record CatalogMeasure(
    string Id,
    string Category,
    LocalizedText Title,
    LocalizedText Description,
    string Recurrence,
    IReadOnlyList<string> Iso27001,
    LocalizedText Statement,
    IReadOnlyList<CatalogCheckItem> Items,
    IReadOnlyList<string>? Appi = null)
{
    /// <summary>The APPI measure ids this measure overlaps (<c>measures[].appi</c>), never null.</summary>
    public IReadOnlyList<string> AppiMeasures => Appi ?? [];
}

/// <summary>
/// A check item (点検項目), answered yes / partial / no / not applicable. <see cref="Clause"/> is
/// the clause of the standard it checks (<c>clause</c>, e.g. "9.2"), "" when the catalog cites none.
/// </summary>
public sealed record CatalogCheckItem(
    string Id,
    LocalizedText Question,
    LocalizedText Guidance,
    LocalizedText Evidence,
    bool SmallBusiness,
    string Clause = "");

/// <summary>A text given in Japanese and English; the file requires both.</summary>
public sealed record LocalizedText(string Ja, string En);

/// <summary>Who answers a catalog's inspections: <c>catalog.target</c>.</summary>
public static class CatalogTarget
{
    public const string Departments = "departments";
    public const string Contractors = "contractors";

    public static readonly IReadOnlyList<string> All = [Departments, Contractors];
}

/// <summary>The kinds of measure in the PPC guideline: <c>measures[].category</c>.</summary>
public static class MeasureCategory
{
    public const string BasicPolicy = "basic-policy";
    public const string HandlingRules = "handling-rules";
    public const string Organisational = "organisational";
    public const string Human = "human";
    public const string Physical = "physical";
    public const string Technical = "technical";
    public const string ExternalEnvironment = "external-environment";
    public const string ContractorSupervision = "contractor-supervision";

    /// <summary>
    /// A requirement of a personal information protection management system (JIS Q 15001, the
    /// PrivacyMark's standard): its items cite a clause, and it has no public statement.
    /// </summary>
    public const string Pms = "pms";

    public static readonly IReadOnlyList<string> All =
        [BasicPolicy, HandlingRules, Organisational, Human, Physical, Technical, ExternalEnvironment, ContractorSupervision, Pms];
}

/// <summary>
/// The measure ids of the built-in APPI catalogs (appi-security-measures and
/// appi-contractor-supervision), which another catalog's measure may map to: <c>measures[].appi</c>.
/// </summary>
public static class AppiMeasures
{
    public const string SecurityCatalog = "appi-security-measures";
    public const string ContractorCatalog = "appi-contractor-supervision";

    public static readonly IReadOnlyList<string> Ids =
    [
        "POL-1", "RUL-1", "ORG-1", "ORG-2", "ORG-3", "ORG-4", "ORG-5", "HUM-1",
        "PHY-1", "PHY-2", "PHY-3", "PHY-4", "TEC-1", "TEC-2", "TEC-3", "TEC-4", "EXT-1",
        "SUP-1", "SUP-2", "SUP-3", "SUP-4",
    ];

    /// <summary>The built-in catalog that holds the measure.</summary>
    public static string CatalogOf(string id) => id.StartsWith("SUP-", StringComparison.Ordinal) ? ContractorCatalog : SecurityCatalog;
}

/// <summary>How often a measure is inspected: <c>measures[].recurrence</c>.</summary>
public static class Recurrence
{
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
    public const string Semiannual = "semiannual";
    public const string Annual = "annual";

    public static readonly IReadOnlyList<string> All = [Monthly, Quarterly, Semiannual, Annual];
}
