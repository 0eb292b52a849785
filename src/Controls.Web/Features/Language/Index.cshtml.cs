using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Language;

/// <summary>
/// The language switch (POST). Public, so the sign-in page can switch too; for a signed-in
/// user the choice is also saved on their account and follows them to other devices.
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        if (!Languages.IsSupported(language))
        {
            return BadRequest();
        }

        Languages.Remember(Response, language!, Request.IsHttps);
        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
            if (user is not null && user.PreferredLanguage != language)
            {
                user.PreferredLanguage = language!;
                await db.SaveChangesAsync();
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
