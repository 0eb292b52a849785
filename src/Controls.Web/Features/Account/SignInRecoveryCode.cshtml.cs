using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account;

/// <summary>Second step of sign-in with a one-time recovery code instead of the app. Public.</summary>
public class SignInRecoveryCodeModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.RecoveryCode")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            Languages.Remember(Response, user.PreferredLanguage, Request.IsHttps);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        ModelState.AddModelError("", l["TwoFactor.InvalidRecoveryCode"]);
        return Page();
    }
}
