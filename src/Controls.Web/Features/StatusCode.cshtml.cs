using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features;

/// <summary>The 403, 404 and other status pages, in the user's language. Public.</summary>
[IgnoreAntiforgeryToken]
public class StatusCodeModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        // Reached directly (not re-executed for a failed request), this page is simply not found.
        var status = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null ? 404 : code;
        var key = status switch
        {
            403 => "Status.403",
            413 => "Status.413",
            404 => "Status.404",
            _ => "Status.Other",
        };
        Title = l[key + ".Title"];
        Body = l[key + ".Body"];
        Response.StatusCode = status;
        return Page();
    }
}
