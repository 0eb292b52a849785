using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Account;

/// <summary>
/// The second step of sign-in, after the password step (public): without a pending sign-in, back to
/// the first step; a right code signs in (in the user's language) and goes back where they were; too
/// many wrong ones lock the account; a wrong one says so. The pages differ only in the code they take.
/// </summary>
public abstract class SecondFactorSignInModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected SignInManager<AppUser> SignIns => signIn;

    /// <summary>Signs in with the posted code.</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync();

    /// <summary>What a wrong code is told.</summary>
    protected abstract string WrongCode { get; }

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

        var result = await SignInWithCodeAsync();
        if (result.Succeeded)
        {
            Languages.Remember(Response, user.PreferredLanguage, Request.IsHttps);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        ModelState.AddModelError("", WrongCode);
        return Page();
    }
}
