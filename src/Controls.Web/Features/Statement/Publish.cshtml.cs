using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Statement;

/// <summary>
/// Publish the statement as it is now: the approver sees both texts and the open warnings; with
/// warnings a reason is required. The page carries a fingerprint of what was shown, so a statement
/// that changed in the meantime is shown again rather than published unseen.
/// </summary>
public class PublishModel(StatementDraft drafts, PublishStatement publish, CurrentActor actor, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "Statement.Field.WarningReason")]
    [StringLength(StatementVersion.ReasonLength, ErrorMessage = "Validation.MaxLength")]
    public string? Reason { get; set; }

    [BindProperty]
    public string Fingerprint { get; set; } = "";

    public Draft Draft { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Draft = await drafts.BuildAsync(cancellationToken);
        Fingerprint = Draft.Fingerprint;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && actor.UserId is { } userId)
        {
            var result = await publish.RunAsync(userId, Fingerprint, Reason, cancellationToken);
            if (result.Number is { } number)
            {
                TempData["Message"] = l["Statement.Published", number].Value;
                return RedirectToPage("Version", new { number });
            }

            ModelState.AddModelError(result.Error == "Statement.ReasonRequired" ? nameof(Reason) : "", l[result.Error!]);
        }

        Draft = await drafts.BuildAsync(cancellationToken);
        ModelState.Remove(nameof(Fingerprint));
        Fingerprint = Draft.Fingerprint;
        return Page();
    }
}
