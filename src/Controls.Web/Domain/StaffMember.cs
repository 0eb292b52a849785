namespace Controls.Web.Domain;

/// <summary>
/// An employee on the staff roster (従業者名簿) of a department, whether or not they ever sign in:
/// training attendance and confidentiality pledges are recorded for them, and training coverage
/// counts the members in service. A leaver is not deleted: <see cref="LeftOn"/> is set, their
/// history stays, and they are not counted after that day. An app user with the same e-mail
/// address is the same person (counted once).
/// </summary>
public class StaffMember
{
    public const int EmployeeNumberLength = 32;
    public const int NameLength = 100;
    public const int EmailLength = 256;

    public Guid Id { get; set; }
    /// <summary>The organisation's employee number (社員番号), unique.</summary>
    public string EmployeeNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>The e-mail address upper-cased (as Identity normalizes users' addresses): the link to an app user.</summary>
    public string? NormalizedEmail { get; set; }
    public Guid DepartmentId { get; set; }
    public Department Department { get; set; } = null!;
    public DateOnly JoinedOn { get; set; }
    /// <summary>The last day in service; null while in service.</summary>
    public DateOnly? LeftOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>In service on <paramref name="day"/>: joined on or before it, and not left before it.</summary>
    public bool InServiceOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || day <= LeftOn);

    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    /// <summary>The resource key of what is wrong with these values, or null when they may be stored.</summary>
    public static string? Problem(string employeeNumber, string name, string? email, DateOnly joinedOn, DateOnly? leftOn)
    {
        if (employeeNumber.Length == 0 || employeeNumber.Length > EmployeeNumberLength || employeeNumber.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "Roster.Problem.EmployeeNumber";
        }

        if (name.Length == 0 || name.Length > NameLength || name.Any(char.IsControl))
        {
            return "Roster.Problem.Name";
        }

        if (email is { Length: > 0 } && (email.Length > EmailLength || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || email.IndexOf('@') is <= 0 || email.IndexOf('@') == email.Length - 1 || email.Count(c => c == '@') != 1))
        {
            return "Roster.Problem.Email";
        }

        if (leftOn is { } left && left < joinedOn)
        {
            return "Roster.Problem.LeftBeforeJoined";
        }

        return null;
    }
}
