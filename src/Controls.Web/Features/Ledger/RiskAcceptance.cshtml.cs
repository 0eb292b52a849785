using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The compliance officer accepts the residual risks of an entry's assessment that are above the
/// acceptable level (受容), with one comment; who and when are recorded on each stage. Only for
/// compliance officers (PageAccess); a stage changed after its acceptance waits for acceptance again.
/// </summary>
public class RiskAcceptanceModel(AppDbContext db, LedgerAccess access, CurrentActor actor, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int CommentLength = 2000;

    [BindProperty]
    [StringLength(CommentLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Risk.Field.AcceptanceComment")]
    public string? Comment { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string EntryName { get; private set; } = "";
    public RiskAssessment? Assessment { get; private set; }
    public List<RiskAssessmentStage> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await EntryAsync(id, tracked: false);
        if (entry is null)
        {
            return NotFound();
        }

        Version = entry.RiskAssessment?.Version ?? 0;
        Show(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entry = await EntryAsync(id, tracked: true);
        if (entry is null)
        {
            return NotFound();
        }

        if (!LedgerAccess.CanAcceptRisk(User))
        {
            return Forbid();
        }

        if (ModelState.IsValid && entry.RiskAssessment is { } assessment)
        {
            db.Entry(assessment).Property(a => a.Version).OriginalValue = Version;
            foreach (var error in assessment.Accept(actor.UserId, LedgerAccess.ShownName(User, actor), Comment ?? "", time.GetUtcNow()))
            {
                ModelState.AddModelError("", l["Risk.Problem." + error.Problem]);
            }
        }
        else if (ModelState.IsValid)
        {
            ModelState.AddModelError("", l["Risk.Problem." + RiskProblem.NotFilledIn]);
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            Show((await EntryAsync(id, tracked: false))!);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await EntryAsync(id, tracked: false);
            if (fresh is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Version = fresh.RiskAssessment?.Version ?? 0;
            Show(fresh);
            return Page();
        }

        TempData["Message"] = l["Risk.Accepted"].Value;
        return RedirectToPage("Risk", new { id });
    }

    private async Task<LedgerEntry?> EntryAsync(Guid id, bool tracked)
    {
        var query = (await access.VisibleAsync(User, HttpContext.RequestAborted)).Include(e => e.RiskAssessment!).ThenInclude(a => a.Stages);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(e => e.Id == id, HttpContext.RequestAborted);
    }

    private void Show(LedgerEntry entry)
    {
        Id = entry.Id;
        EntryName = entry.Name;
        Assessment = entry.RiskAssessment;
        Pending = Assessment?.Stages.Where(s => s.NeedsAcceptance).OrderBy(s => s.Stage).ToList() ?? [];
    }
}
