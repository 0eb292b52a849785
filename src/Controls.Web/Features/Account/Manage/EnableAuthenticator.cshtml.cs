using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account.Manage;

/// <summary>
/// Enrol an authenticator app (TOTP) and receive recovery codes. Any signed-in user. The key is
/// shown only while it is being set up: once two-factor authentication is on it is never shown
/// again; a new key (which replaces the old one) needs the current password.
/// </summary>
public class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CurrentPassword")]
    public string? Password { get; set; }

    /// <summary>Two-factor authentication is on: the key in use is not shown; a new one may be set up.</summary>
    public bool AlreadyEnabled { get; private set; }

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return Page();
        }

        await LoadKey(user);
        return Page();
    }

    /// <summary>A new authenticator: the old key stops working and two-factor authentication is off until the new one is verified.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        AlreadyEnabled = user.TwoFactorEnabled;
        if (await CurrentPassword.ConfirmAsync(this, signIn, user, Password, nameof(Password), l) is { } refused)
        {
            return refused;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { Required });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            // Already on: nothing to verify here (a new key goes through the password first).
            return RedirectToPage("TwoFactor");
        }

        if (!ModelState.IsValid)
        {
            await LoadKey(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", l["TwoFactor.InvalidCode"]);
            await LoadKey(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        TempData["RecoveryCodes"] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    private async Task LoadKey(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: the sign-in is renewed with it, or the next request would be refused (Sessions).
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = Format(key!);
        var issuer = Uri.EscapeDataString("Controls");
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6");
    }

    private static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
