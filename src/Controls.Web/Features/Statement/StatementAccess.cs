using System.Security.Claims;
using Controls.Web.Domain;

namespace Controls.Web.Features.Statement;

/// <summary>Compliance officers and administrators edit and publish the statement (PageAccess guards the pages; this decides what the shared pages show).</summary>
public static class StatementAccess
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.ComplianceOfficer) || user.IsInRole(Roles.Administrator);
}
