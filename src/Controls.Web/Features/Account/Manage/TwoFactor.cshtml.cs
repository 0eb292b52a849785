using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account.Manage;

/// <summary>My two-factor authentication: status, new recovery codes, turning it off. Any signed-in user.</summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        TempData["RecoveryCodes"] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await Load(user);
        if (Required)
        {
            ModelState.AddModelError("", l["TwoFactor.RequiredByRole"]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["TwoFactor.Disabled"].Value;
        return RedirectToPage("Index");
    }

    private async Task Load(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        var requiredRoles = await db.OrganisationSettings.AsNoTracking().Select(s => s.TwoFactorRequiredRoles).FirstOrDefaultAsync() ?? [];
        Required = (await users.GetRolesAsync(user)).Intersect(requiredRoles).Any();
    }
}
