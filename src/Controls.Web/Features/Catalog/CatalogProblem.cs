namespace Controls.Web.Features.Catalog;

/// <summary>
/// One thing wrong with a catalog file, at a 1-based line and column. <see cref="Code"/> is stable
/// (for pages that localise the message); <see cref="Message"/> is English, for the command line.
/// </summary>
public sealed record CatalogProblem(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>The parsed catalog, or null when there is any problem (a catalog is imported whole or not at all).</summary>
public sealed record CatalogParseResult(CatalogDocument? Document, IReadOnlyList<CatalogProblem> Problems)
{
    public bool IsValid => Document is not null;
}

/// <summary>The values of <see cref="CatalogProblem.Code"/>.</summary>
public static class CatalogProblemCode
{
    public const string FileNotFound = "file-not-found";
    public const string FileUnreadable = "file-unreadable";
    public const string FileTooLarge = "file-too-large";
    public const string Utf16 = "utf16";
    public const string NotUtf8 = "not-utf8";
    public const string EmptyFile = "empty-file";
    public const string YamlSyntax = "yaml-syntax";
    public const string YamlAlias = "yaml-alias";
    public const string TooDeep = "too-deep";
    public const string MultipleDocuments = "multiple-documents";
    public const string UnknownKey = "unknown-key";
    public const string MissingKey = "missing-key";
    public const string DuplicateKey = "duplicate-key";
    public const string WrongKind = "wrong-kind";
    public const string MissingText = "missing-text";
    public const string EmptyText = "empty-text";
    public const string EmptyValue = "empty-value";
    public const string BadId = "bad-id";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownTarget = "unknown-target";
    public const string UnknownCategory = "unknown-category";
    public const string UnknownRecurrence = "unknown-recurrence";
    public const string CategoryNotForTarget = "category-not-for-target";
    public const string UnknownIsoControl = "unknown-iso-control";
    public const string DuplicateIsoControl = "duplicate-iso-control";
    public const string NoIsoControl = "no-iso-control";
    public const string UnknownAppiMeasure = "unknown-appi-measure";
    public const string DuplicateAppiMeasure = "duplicate-appi-measure";
    public const string NoAppiMeasure = "no-appi-measure";
    public const string BadClause = "bad-clause";
    public const string MissingClause = "missing-clause";
    public const string NoMeasures = "no-measures";
    public const string ItemCount = "item-count";
    public const string NotBoolean = "not-boolean";
    public const string TooManyProblems = "too-many-problems";
}
