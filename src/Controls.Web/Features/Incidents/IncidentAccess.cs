using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Time;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// Who may see and change which incident. Compliance officers and administrators see and edit
/// every department's; a department head sees their own department's and those of the departments
/// below it (DepartmentScope; read-only) and records and edits their own department's only (another
/// department's answers 404) — unless the organisation restricts the register to compliance
/// officers (<see cref="OrganisationSettings.IncidentsComplianceOfficersOnly"/>, on the organisation settings page): department heads then see none
/// (every record answers 404) and record none. Only compliance officers decide reportability and
/// record the reports. Other roles do not open the register at all (PageAccess).
/// </summary>
public sealed class IncidentAccess(AppDbContext db, DepartmentScope scope, OrganisationClock clock)
{
    /// <summary>The register is closed to department heads.</summary>
    public bool Restricted => clock.Settings.IncidentsComplianceOfficersOnly;

    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ComplianceOfficer) || user.IsInRole(Roles.Administrator);

    /// <summary>The only department whose incidents this user sees, when limited to one (a department head, unless restricted).</summary>
    public Guid? OwnDepartment(ClaimsPrincipal user) =>
        !Restricted && !SeesAll(user) && user.IsInRole(Roles.DepartmentHead) ? DepartmentScope.DepartmentOf(user) : null;

    public async Task<IQueryable<Incident>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (SeesAll(user))
        {
            return db.Incidents;
        }

        if (OwnDepartment(user) is null)
        {
            return db.Incidents.Where(_ => false);
        }

        var ids = (await scope.HeadedAsync(user, cancellationToken)).Ids;
        return db.Incidents.Where(i => ids.Contains(i.DepartmentId));
    }

    public bool CanCreate(ClaimsPrincipal user) => SeesAll(user) || OwnDepartment(user) is not null;

    public bool CanEdit(ClaimsPrincipal user, Guid departmentId) =>
        SeesAll(user) || (OwnDepartment(user) is { } own && own == departmentId);

    /// <summary>Confirms or overrides reportability and records the reports and the notification of individuals.</summary>
    public static bool CanDecide(ClaimsPrincipal user) => user.IsInRole(Roles.ComplianceOfficer);
}
