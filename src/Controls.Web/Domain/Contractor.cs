namespace Controls.Web.Domain;

public enum ContractorStatus
{
    Active,
    Suspended,
    Terminated,
}

/// <summary>
/// A contractor (委託先) to whom personal data is entrusted. The owning department's head answers
/// its supervision checklist (SUP-…); the countries drive the foreign-environment measure (EXT-1).
/// </summary>
public class Contractor : IVersionedRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Services { get; set; } = "";
    /// <summary>The personal data entrusted to it (data items, whose data).</summary>
    public string EntrustedData { get; set; } = "";
    public Guid OwningDepartmentId { get; set; }
    public Department OwningDepartment { get; set; } = null!;
    /// <summary>ISO 3166-1 alpha-2 codes of the countries where it handles the data (JP, US, …).</summary>
    public List<string> Countries { get; set; } = [];
    public bool HandlesSpecialCareData { get; set; }
    public DateOnly? PrivacyMarkExpiresOn { get; set; }
    public DateOnly? IsmsExpiresOn { get; set; }
    public DateOnly? ContractStartsOn { get; set; }
    public DateOnly? ContractEndsOn { get; set; }
    public bool ReoutsourcingAllowed { get; set; }
    /// <summary>Subcontractors (再委託先) and what they do, when re-outsourcing is allowed.</summary>
    public string Subcontractors { get; set; } = "";
    public ContractorStatus Status { get; set; } = ContractorStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}
