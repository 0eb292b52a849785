namespace Controls.Web.Domain;

/// <summary>
/// The organisation's own choice for one measure in the published statement of security measures
/// taken (安全管理のために講じた措置, Art. 32(1)): its own wording (empty = the catalog's default
/// sentence) and whether it is withheld (the Cabinet Order lets an organisation leave out what
/// would hinder security), with the reason. Keyed by catalog key and measure code, so it survives
/// new catalog versions.
/// </summary>
public class StatementMeasure
{
    public const int WordingLength = 2000;
    public const int ReasonLength = 1000;

    public string CatalogKey { get; set; } = "";
    public string MeasureCode { get; set; } = "";
    public string WordingJa { get; set; } = "";
    public string WordingEn { get; set; } = "";
    public bool Withheld { get; set; }
    public string WithheldReason { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>The compliance officer's short note on one foreign country where personal data is handled (外的環境の把握).</summary>
public class StatementCountryNote
{
    public const int NoteLength = 1000;

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; set; } = "";
    public string NoteJa { get; set; } = "";
    public string NoteEn { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// One published version of the statement: an immutable snapshot of both texts (plain text and the
/// paragraph model the HTML and .docx are written from), the countries named, the measures
/// withheld, who approved it and when, and the honesty-check warnings open at the time with the
/// recorded reason for publishing despite them.
/// </summary>
public class StatementVersion
{
    public const int ReasonLength = 2000;

    public Guid Id { get; set; }
    /// <summary>1, 2, 3… in publishing order.</summary>
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public Guid PublishedById { get; set; }
    public string PublishedBy { get; set; } = "";
    public string TextJa { get; set; } = "";
    public string TextEn { get; set; } = "";
    /// <summary>The paragraph model (JSON, <c>StatementParagraph</c> list) of the Japanese text.</summary>
    public string ParagraphsJa { get; set; } = "";
    public string ParagraphsEn { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2 codes of the foreign countries named.</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>"catalog/CODE: reason", one per withheld measure.</summary>
    public List<string> Withheld { get; set; } = [];
    public List<string> WarningsJa { get; set; } = [];
    public List<string> WarningsEn { get; set; } = [];
    /// <summary>Why it was published despite open warnings (empty when there were none).</summary>
    public string WarningReason { get; set; } = "";
}
