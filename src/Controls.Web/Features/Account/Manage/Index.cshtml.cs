using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Account.Manage;

/// <summary>My account: profile, language, links to password and two-factor settings. Any signed-in user.</summary>
public class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Language { get; private set; } = "ja";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Language = user.PreferredLanguage;
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
