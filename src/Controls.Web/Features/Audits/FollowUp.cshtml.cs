using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Plan a follow-up audit of an audit's open findings (auditors and compliance officers): choose the
/// findings to re-check, the window, lead and team; scope and measures follow from the findings.
/// </summary>
public class FollowUpModel(AppDbContext db, FollowUpAudits followUps, SaveAudit save, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AuditInput Input { get; set; } = new();

    [BindProperty]
    public List<Guid> FindingIds { get; set; } = [];

    public Audit Original { get; private set; } = null!;
    public List<FollowUpAudits.OpenFinding> Findings { get; private set; } = [];
    public SaveAudit.Choices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } original)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var title = l["Audits.FollowUpTitle", original.Title].Value;
        Input = new AuditInput
        {
            Title = title.Length > 200 ? title[..200] : title,
            WindowStart = today.AddDays(30),
            WindowEnd = today.AddDays(44),
            LeadAuditorId = original.LeadAuditorId,
            TeamIds = original.Team.Select(m => m.UserId).ToList(),
        };
        await LoadAsync(original, cancellationToken);
        FindingIds = Findings.Select(f => f.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } original)
        {
            return NotFound();
        }

        var created = await followUps.CreateAsync(User, ModelState, original, Input, FindingIds, clock.Settings.FiscalYearStartMonth, cancellationToken);
        if (created is { } followUpId)
        {
            TempData["Message"] = l["Audits.FollowUpCreated", Input.Title.Trim()].Value;
            return RedirectToPage("Edit", new { id = followUpId });
        }

        await LoadAsync(original, cancellationToken);
        return Page();
    }

    private Task<Audit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Audits.AsNoTracking().Include(a => a.Team).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task LoadAsync(Audit original, CancellationToken cancellationToken)
    {
        Original = original;
        Findings = await followUps.OpenFindingsAsync(original.Id, cancellationToken);
        Choices = await save.ChoicesAsync(cancellationToken);
    }
}
