using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.Authorization;

public static class ControlsClaims
{
    /// <summary>Present while the user holds a role that requires two-factor authentication but has not enrolled.</summary>
    public const string TwoFactorSetupRequired = "controls:2fa_setup_required";
    public const string DepartmentId = "controls:department_id";
    public const string DisplayName = "controls:display_name";
}

/// <summary>Adds the department, display name and the two-factor enrolment requirement to the sign-in.</summary>
public sealed class ControlsClaimsFactory(
    UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, AppDbContext db, IConfiguration configuration)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ControlsClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } departmentId)
        {
            identity.AddClaim(new Claim(ControlsClaims.DepartmentId, departmentId.ToString()));
        }

        if (!user.TwoFactorEnabled)
        {
            if (await TwoFactorRequirement.AppliesToAsync(db, configuration, await UserManager.GetRolesAsync(user)))
            {
                identity.AddClaim(new Claim(ControlsClaims.TwoFactorSetupRequired, "true"));
            }
        }

        return identity;
    }
}

/// <summary>Deactivated users cannot sign in, by password, second factor or a remembered cookie.</summary>
public sealed class ControlsSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    /// <summary>Every password sign-in, its outcome recorded in the audit trail (a second factor still due is recorded when it is given).</summary>
    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.RequiresTwoFactor)
        {
            AuditTrail.AccessTrail.SecondFactorDue(Context);
        }
        else
        {
            await RecordAsync(user, result);
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, result);
        return result;
    }

    private Task RecordAsync(AppUser? user, SignInResult result) => user is null ? Task.CompletedTask
        : AuditTrail.AccessTrail.SignInAsync(Context, user, user.Email ?? "", result.Succeeded ? AuditAction.SignIn : AuditAction.SignInFail,
            result.Succeeded ? "Succeeded" : result.IsLockedOut ? "LockedOut" : result.IsNotAllowed ? "NotAllowed" : "Failed");
}
