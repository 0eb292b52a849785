using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Training;

/// <summary>
/// The people training attendance and confidentiality pledges are recorded for: the members of the
/// staff roster (従業者名簿), and app users who are not on it. An app user whose e-mail address is on
/// the roster is that roster member (one person, counted once).
/// </summary>
public sealed class TrainingPeople(AppDbContext db)
{
    /// <summary>A person: a roster member (<see cref="StaffMemberId"/>) or an app user off the roster (<see cref="UserId"/>).</summary>
    public sealed record Person(Guid? StaffMemberId, Guid? UserId, string Name, string Email, string EmployeeNumber, DateOnly? JoinedOn, DateOnly? LeftOn)
    {
        public string Key => KeyOf(StaffMemberId, UserId);

        public bool InServiceOn(DateOnly day) => StaffMemberId is null || (JoinedOn <= day && (LeftOn is null || day <= LeftOn));
    }

    /// <summary>"staff:{id}" or "user:{id}": the value a form sends for a person.</summary>
    public static string KeyOf(Guid? staffMemberId, Guid? userId) => staffMemberId is { } staff ? "staff:" + staff : "user:" + userId;

    /// <summary>App users who are not on the roster (no roster member has their e-mail address).</summary>
    public IQueryable<AppUser> UsersOffRoster() =>
        db.Users.Where(u => u.NormalizedEmail == null || !db.StaffMembers.Any(m => m.NormalizedEmail == u.NormalizedEmail));

    /// <summary>
    /// The people that <paramref name="identifiers"/> name, by the identifier as given: an employee
    /// number of the roster, else an e-mail address on the roster, else an app user's e-mail address
    /// (an app user off the roster). Identifiers that name nobody are left out.
    /// </summary>
    public async Task<Dictionary<string, Person>> FindAsync(IReadOnlyCollection<string> identifiers, CancellationToken cancellationToken = default)
    {
        // A NUL cannot reach PostgreSQL (and names nobody).
        identifiers = identifiers.Where(i => !i.Contains('\0', StringComparison.Ordinal)).ToList();
        var numbers = identifiers.Where(i => i.Length is > 0 and <= StaffMember.EmployeeNumberLength).Distinct().ToList();
        var emails = identifiers.Select(StaffMember.Normalize).OfType<string>().Distinct().ToList();
        var members = await db.StaffMembers.AsNoTracking()
            .Where(m => numbers.Contains(m.EmployeeNumber) || (m.NormalizedEmail != null && emails.Contains(m.NormalizedEmail)))
            .Select(m => new Person(m.Id, null, m.Name, m.Email ?? "", m.EmployeeNumber, m.JoinedOn, m.LeftOn))
            .ToListAsync(cancellationToken);
        var users = await UsersOffRoster().AsNoTracking()
            .Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new Person(null, u.Id, u.DisplayName, u.Email ?? "", "", null, null))
            .ToListAsync(cancellationToken);
        var byNumber = members.ToDictionary(m => m.EmployeeNumber, StringComparer.Ordinal);
        var byEmail = members.Where(m => m.Email.Length > 0).ToDictionary(m => StaffMember.Normalize(m.Email)!, StringComparer.Ordinal);
        var userByEmail = users.Where(u => u.Email.Length > 0).GroupBy(u => StaffMember.Normalize(u.Email)!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var identifier in identifiers.Distinct())
        {
            var email = StaffMember.Normalize(identifier) ?? "";
            if (byNumber.TryGetValue(identifier, out var person) || byEmail.TryGetValue(email, out person) || userByEmail.TryGetValue(email, out person))
            {
                found[identifier] = person;
            }
        }

        return found;
    }
}
