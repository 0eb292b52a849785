namespace Controls.Web.Domain;

/// <summary>
/// A node of the organisation tree (division → department → …). Retired, never deleted:
/// inspections and audits of earlier periods keep referring to it.
/// </summary>
public class Department
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public Guid? ParentId { get; set; }
    public Department? Parent { get; set; }
    public List<Department> Children { get; set; } = [];
    public Guid? HeadUserId { get; set; }
    public AppUser? HeadUser { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public uint Version { get; set; }

    public bool IsRetired => RetiredAt is not null;

    public string Name(string language) => language == "en" ? NameEn : NameJa;
}
