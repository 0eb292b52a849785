using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account.Manage;

/// <summary>
/// My two-factor authentication: status, new recovery codes, turning it off (both need the current
/// password). Any signed-in user.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IConfiguration configuration, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CurrentPassword")]
    public string? Password { get; set; }

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

        await Load(user);
        if (await CurrentPassword.ConfirmAsync(this, signIn, user, Password, nameof(Password), l) is { } refused)
        {
            return refused;
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

        if (await CurrentPassword.ConfirmAsync(this, signIn, user, Password, nameof(Password), l) is { } refused)
        {
            return refused;
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
        Required = await TwoFactorRequirement.AppliesToAsync(db, configuration, await users.GetRolesAsync(user));
    }
}
