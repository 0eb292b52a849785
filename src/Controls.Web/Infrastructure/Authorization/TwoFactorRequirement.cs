using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Which roles must use two-factor authentication: the roles chosen in the organisation settings,
/// and always Administrator unless <c>Accounts:AdministratorsRequireTwoFactor</c> is false.
/// </summary>
public static class TwoFactorRequirement
{
    public const string AdministratorsSetting = "Accounts:AdministratorsRequireTwoFactor";

    public static async Task<bool> AppliesToAsync(AppDbContext db, IConfiguration configuration, IEnumerable<string> userRoles)
    {
        var required = await db.OrganisationSettings.AsNoTracking().Select(s => s.TwoFactorRequiredRoles).FirstOrDefaultAsync() ?? [];
        if (configuration.GetValue(AdministratorsSetting, true))
        {
            required = [.. required, Roles.Administrator];
        }

        return userRoles.Intersect(required).Any();
    }
}
