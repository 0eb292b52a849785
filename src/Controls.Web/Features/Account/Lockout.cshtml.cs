using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Account;

/// <summary>Told after too many failed attempts. Public.</summary>
public class LockoutModel : PageModel
{
    public void OnGet()
    {
    }
}
