namespace Controls.Web.Domain;

/// <summary>The five roles of the product. A user may hold several.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ComplianceOfficer = nameof(ComplianceOfficer);
    public const string Auditor = nameof(Auditor);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Management = nameof(Management);

    public static readonly IReadOnlyList<string> All =
        [Administrator, ComplianceOfficer, Auditor, DepartmentHead, Management];
}
