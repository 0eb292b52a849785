using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account.Manage;

/// <summary>
/// Re-entering the current password before a change to the account's security. A wrong password
/// counts towards lockout exactly as on the sign-in page; once locked out the user is signed out.
/// </summary>
public static class CurrentPassword
{
    /// <returns>null when the password is right; otherwise what the page returns (its form with a message, or the lockout page).</returns>
    public static async Task<IActionResult?> ConfirmAsync(PageModel page, SignInManager<AppUser> signIn, AppUser user, string? password,
        string field, IStringLocalizer l)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return null;
        }

        if (result.IsLockedOut)
        {
            await signIn.SignOutAsync();
            return page.RedirectToPage("/Account/Lockout");
        }

        page.ModelState.AddModelError(field, l["Password.CurrentWrong"]);
        return page.Page();
    }
}
