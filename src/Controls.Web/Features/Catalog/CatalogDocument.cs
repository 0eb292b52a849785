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

/// <summary>A security control measure (安全管理措置) and its check items.</summary>
public sealed record CatalogMeasure(
    string Id,
    string Category,
    LocalizedText Title,
    LocalizedText Description,
    string Recurrence,
    IReadOnlyList<string> Iso27001,
    LocalizedText Statement,
    IReadOnlyList<CatalogCheckItem> Items);

/// <summary>A check item (点検項目), answered yes / partial / no / not applicable.</summary>
public sealed record CatalogCheckItem(
    string Id,
    LocalizedText Question,
    LocalizedText Guidance,
    LocalizedText Evidence,
    bool SmallBusiness);

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

    public static readonly IReadOnlyList<string> All =
        [BasicPolicy, HandlingRules, Organisational, Human, Physical, Technical, ExternalEnvironment, ContractorSupervision];
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
