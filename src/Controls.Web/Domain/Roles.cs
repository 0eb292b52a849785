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

    /// <summary>
    /// The roles that see every department's records (a department head and delegates see only their
    /// own): the only ones that may receive organisation-wide material such as the management-review workbook.
    /// </summary>
    public static readonly IReadOnlyList<string> SeeingEveryDepartment =
        [ComplianceOfficer, Auditor, Management, Administrator];
}
