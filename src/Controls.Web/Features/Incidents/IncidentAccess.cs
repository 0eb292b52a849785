using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// Who may see and change which incident. Compliance officers and administrators see and edit
/// every department's; a department head sees and edits their own department's only (another
/// department's answers 404). Only compliance officers decide reportability and record the
/// reports. Other roles do not open the register at all (PageAccess).
/// </summary>
public static class IncidentAccess
{
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ComplianceOfficer) || user.IsInRole(Roles.Administrator);

    /// <summary>The only department whose incidents this user sees, when limited to one (a department head).</summary>
    public static Guid? OwnDepartment(ClaimsPrincipal user) =>
        !SeesAll(user) && user.IsInRole(Roles.DepartmentHead) ? InspectionAccess.DepartmentOf(user) : null;

    public static IQueryable<Incident> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Incidents;
        }

        return OwnDepartment(user) is { } own ? db.Incidents.Where(i => i.DepartmentId == own) : db.Incidents.Where(_ => false);
    }

    public static bool CanCreate(ClaimsPrincipal user) => SeesAll(user) || OwnDepartment(user) is not null;

    public static bool CanEdit(ClaimsPrincipal user, Guid departmentId) =>
        SeesAll(user) || (OwnDepartment(user) is { } own && own == departmentId);

    /// <summary>Confirms or overrides reportability and records the reports and the notification of individuals.</summary>
    public static bool CanDecide(ClaimsPrincipal user) => user.IsInRole(Roles.ComplianceOfficer);
}
