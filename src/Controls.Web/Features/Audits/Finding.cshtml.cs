using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// One finding with its corrective action: everyone who sees all departments, and the head of the
/// finding's department (others get 404). The owner moves the action forward on the actions page;
/// an auditor other than the owner records the effectiveness check here.
/// Auditors and compliance officers attach evidence files while the audit is not closed.
/// </summary>
[RequestSizeLimit(Infrastructure.Files.EvidenceOptions.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Infrastructure.Files.EvidenceOptions.RequestLimit)]
public class FindingModel(AppDbContext db, AuditAccess access, VerifyCorrectiveAction verify, AttachAuditEvidence evidence, Infrastructure.Files.EvidenceStore store,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Finding Finding { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public string? VerifiedBy { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public List<AttachAuditEvidence.File> Evidence { get; private set; } = [];
    public string MaxEvidenceSize => Infrastructure.Files.EvidenceStore.Megabytes(store.MaxBytes);
    /// <summary>The finding's audit's lead or team member (<see cref="SeparationOfDuties.DoesFieldwork"/>): attaches evidence, closes an observation, verifies.</summary>
    public bool OnTeam => SeparationOfDuties.DoesFieldwork(User, Finding.Audit);
    public bool CanAttach => OnTeam && Finding.Audit.IsActive;
    /// <summary>The follow-up audits that re-checked this finding, with their result.</summary>
    public List<(Guid AuditId, string Title, RecheckResult? Result, string Notes)> Rechecks { get; private set; } = [];
    public bool CanVerify => Finding.CorrectiveAction is { } action && AuditAccess.CanVerify(User, Finding, action);
    public bool IsOwner => Finding.CorrectiveAction is { } action && DepartmentScope.UserId(User) == action.OwnerId;
    public bool CanClose => OnTeam && !Finding.IsNonconformity && Finding.Status == FindingStatus.Open;

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

        if (!AuditAccess.Manages(User) && DepartmentScope.UserId(User) != finding.CorrectiveAction?.OwnerId)
        {
            return Forbid();
        }

        // The owner and the finding's department are told why first; then only the audit's team verifies.
        var refusal = finding.CorrectiveAction is { } action ? SeparationOfDuties.RefusesVerification(User, finding, action) : null;
        refusal ??= SeparationOfDuties.RefusesFieldwork(User, finding.Audit);
        Errors = refusal is not null
            ? [l[refusal]]
            : await verify.DecideAsync(User, finding, effective, note, actionVersion ?? uint.MaxValue, cancellationToken);
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

        Errors = SeparationOfDuties.RefusesFieldwork(User, finding.Audit) is { } refusal
            ? [l[refusal]]
            : await verify.CloseAsync(User, finding, version ?? uint.MaxValue, cancellationToken);
        return await DoneAsync(id, "Audits.FindingClosed", cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadEvidenceAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        if (!AuditAccess.Manages(User))
        {
            return Forbid();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, finding.Audit) is { } refusal)
        {
            Errors = [l[refusal]];
            return await DoneAsync(id, "Audits.EvidenceAttached", cancellationToken);
        }

        var upload = file is null ? null : new EvidenceStore.Upload(file.FileName, file.Length, file.OpenReadStream);
        var result = await evidence.AttachAsync(User, finding.Audit, null, finding.Id, upload, cancellationToken);
        if (result.Outcome == AttachAuditEvidence.Outcome.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        return await DoneAsync(id, "Audits.EvidenceAttached", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, [FromForm] Guid evidenceId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        if (!AuditAccess.Manages(User))
        {
            return Forbid();
        }

        if (!await db.AuditEvidence.AnyAsync(e => e.Id == evidenceId && e.FindingId == finding.Id, cancellationToken))
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, finding.Audit) is { } refusal)
        {
            Errors = [l[refusal]];
            return await DoneAsync(id, "Audits.EvidenceRemoved", cancellationToken);
        }

        var result = await evidence.RemoveAsync(User, finding.Audit, evidenceId, cancellationToken);

        Errors = result.Errors;
        return await DoneAsync(id, "Audits.EvidenceRemoved", cancellationToken);
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

    private async Task<Finding?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await (await access.FindingsAsync(User, cancellationToken)).Include(f => f.Audit).ThenInclude(a => a.Team).Include(f => f.Department).Include(f => f.CorrectiveAction)
            .SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    private async Task LoadAsync(Finding finding, CancellationToken cancellationToken)
    {
        Finding = finding;
        Evidence = await evidence.ListAsync(finding.AuditId, finding.Id, cancellationToken);
        Rechecks = (await db.FindingRechecks.AsNoTracking().Where(r => r.FindingId == finding.Id)
                .Join(db.Audits, r => r.AuditId, a => a.Id, (r, a) => new { r.AuditId, a.Title, r.Result, r.Notes, a.WindowStart }).OrderBy(r => r.WindowStart)
                .ToListAsync(cancellationToken))
            .Select(r => (r.AuditId, r.Title, r.Result, r.Notes)).ToList();
        if (finding.CorrectiveAction is { } action)
        {
            Owner = await db.Users.Where(u => u.Id == action.OwnerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            VerifiedBy = action.VerifiedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(cancellationToken) : null;
        }
    }
}
