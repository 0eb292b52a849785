using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Account.Manage;

/// <summary>Shows newly generated recovery codes once. Any signed-in user.</summary>
public class RecoveryCodesModel : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData["RecoveryCodes"] is not string codes)
        {
            return RedirectToPage("TwoFactor");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }
}
