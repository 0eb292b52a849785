using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>Plan an audit (auditors and compliance officers): scope, window, lead and team, independent of the audited departments.</summary>
public class CreateModel(SaveAudit save, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AuditInput Input { get; set; } = new();

    public SaveAudit.Choices Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Input.WindowStart = today.AddDays(30);
        Input.WindowEnd = today.AddDays(44);
        Choices = await save.ChoicesAsync(cancellationToken);
        Input.CatalogId = Choices.Catalogs.Select(c => (Guid?)Guid.Parse(c.Value)).FirstOrDefault();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await save.CreateAsync(User, ModelState, Input, clock.Settings.FiscalYearStartMonth, cancellationToken);
        if (id is null)
        {
            Choices = await save.ChoicesAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = l["Audits.Created", Input.Title.Trim()].Value;
        return RedirectToPage("Edit", new { id });
    }
}
