using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// One finding with its corrective action: everyone who sees all departments, and the head of the
/// finding's department (others get 404). The owner moves the action forward on the actions page;
/// an auditor other than the owner records the effectiveness check here.
/// </summary>
public class FindingModel(AppDbContext db, AuditAccess access, VerifyCorrectiveAction verify, IStringLocalizer<SharedResource> l) : PageModel
{
    public Finding Finding { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public string? VerifiedBy { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool CanVerify => Finding.CorrectiveAction is { } action && AuditAccess.CanVerify(User, action);
    public bool IsOwner => Finding.CorrectiveAction is { } action && Inspections.InspectionAccess.UserId(User) == action.OwnerId;
    public bool CanClose => AuditAccess.Manages(User) && !Finding.IsNonconformity && Finding.Status == FindingStatus.Open;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        await LoadAsync(finding, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, [FromForm] bool effective, [FromForm] string? note, [FromForm] uint? actionVersion, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        if (!AuditAccess.Manages(User) && Inspections.InspectionAccess.UserId(User) != finding.CorrectiveAction?.OwnerId)
        {
            return Forbid();
        }

        Errors = await verify.DecideAsync(User, finding, effective, note, actionVersion ?? uint.MaxValue, cancellationToken);
        return await DoneAsync(id, effective ? "Audits.Verified" : "Audits.Reopened", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromForm] uint? version, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        if (!AuditAccess.Manages(User))
        {
            return Forbid();
        }

        Errors = await verify.CloseAsync(User, finding, version ?? uint.MaxValue, cancellationToken);
        return await DoneAsync(id, "Audits.FindingClosed", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        if (Errors.Count == 0)
        {
            TempData["Message"] = l[message].Value;
            return RedirectToPage("Finding", new { id });
        }

        db.ChangeTracker.Clear();
        await LoadAsync((await FindAsync(id, cancellationToken))!, cancellationToken);
        return Page();
    }

    private Task<Finding?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        access.Findings(User).Include(f => f.Audit).Include(f => f.Department).Include(f => f.CorrectiveAction)
            .SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    private async Task LoadAsync(Finding finding, CancellationToken cancellationToken)
    {
        Finding = finding;
        if (finding.CorrectiveAction is { } action)
        {
            Owner = await db.Users.Where(u => u.Id == action.OwnerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            VerifiedBy = action.VerifiedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(cancellationToken) : null;
        }
    }
}
