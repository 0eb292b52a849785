namespace Controls.Web.Domain;

public enum LedgerMedium
{
    Paper,
    Electronic,
    Cloud,
}

/// <summary>How many people's data a data set holds (the reportable threshold is "more than 1,000").</summary>
public enum PeopleRange
{
    UpTo100,
    UpTo1000,
    UpTo5000,
    UpTo50000,
    Over50000,
}

/// <summary>
/// One data set in the personal-data ledger (個人データ取扱台帳), owned by a department. Its
/// countries drive the foreign-environment measure (EXT-1); it is reviewed at least once a year.
/// </summary>
public class LedgerEntry : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public string Name { get; set; } = "";
    /// <summary>What kind of data set (customer list, employee records, …).</summary>
    public string Kind { get; set; } = "";
    public string DataItems { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string AccessibleBy { get; set; } = "";
    public string StorageLocation { get; set; } = "";
    public string StorageMethod { get; set; } = "";
    public LedgerMedium Medium { get; set; }
    /// <summary>ISO 3166-1 alpha-2 codes of the countries where the data is handled or stored.</summary>
    public List<string> Countries { get; set; } = [];
    public PeopleRange People { get; set; }
    public bool SpecialCareData { get; set; }
    public bool EncryptedAtRest { get; set; }
    /// <summary>保有個人データ: the organisation may disclose, correct, stop using it at the person's request.</summary>
    public bool RetainedPersonalData { get; set; }
    public string AcquisitionMethod { get; set; } = "";
    public string PurposeNotification { get; set; } = "";
    public string Consent { get; set; } = "";
    /// <summary>Third-party provision or joint use, and with whom.</summary>
    public string ThirdPartyProvision { get; set; } = "";
    /// <summary>Contractors from the register that handle this data set.</summary>
    public List<Guid> ContractorIds { get; set; } = [];
    public string Subcontractors { get; set; } = "";
    public string RetentionPeriod { get; set; } = "";
    public string DisposalMethod { get; set; } = "";
    public DateOnly? LastReviewedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
    /// <summary>Its risk assessment over the life-cycle stages (null until first saved).</summary>
    public RiskAssessment? RiskAssessment { get; set; }

    /// <summary>The entry's management number (管理番号) in registers and exports: the first eight hex digits of its id, stable for its life.</summary>
    public static string ReferenceOf(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>The annual review is due one year after the last one (at once if never reviewed).</summary>
    public static bool IsReviewOverdue(DateOnly? lastReviewedOn, DateOnly today) => lastReviewedOn is not { } last || last.AddYears(1) < today;

    /// <summary>Japan: a data set handled anywhere else is handled abroad.</summary>
    public const string HomeCountry = "JP";

    /// <summary>Understanding the foreign environment (外的環境の把握): the measure the countries abroad make applicable.</summary>
    public const string ForeignEnvironmentMeasure = "EXT-1";

    /// <summary>Means to check handling: the ledger itself (its entries overdue for review show on its items).</summary>
    public const string LedgerMeasure = "ORG-3";

    /// <summary>The countries other than Japan in a department's entries, sorted, each once.</summary>
    public static IReadOnlyList<string> CountriesAbroad(IEnumerable<IEnumerable<string>> countriesOfEachEntry) =>
        countriesOfEachEntry.SelectMany(c => c).Where(c => c != HomeCountry).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A ledger that lists data handled abroad makes EXT-1 applicable: "not applicable" is refused on
    /// its items (saving the answer, and submitting one given before the entry was added).
    /// </summary>
    public static bool ForbidsNotApplicable(string measureCode, IReadOnlyList<string> countriesAbroad) =>
        measureCode == ForeignEnvironmentMeasure && countriesAbroad.Count > 0;
}
