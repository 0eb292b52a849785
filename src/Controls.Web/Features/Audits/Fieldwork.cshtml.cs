using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Fieldwork (実地監査) of one audit: per measure in scope the test with its sample and result,
/// beside the audited departments' latest self-inspection answers (disagreements flagged), and
/// the findings, a nonconformity with its corrective action. Auditors and compliance officers.
/// </summary>
[RequestSizeLimit(Infrastructure.Files.EvidenceOptions.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Infrastructure.Files.EvidenceOptions.RequestLimit)]
public class FieldworkModel(AppDbContext db, RecordAuditTest recordTest, RecordFinding recordFinding, SelfInspectionComparison comparison,
    RecheckFinding recheckFinding, AttachAuditEvidence evidence, Infrastructure.Files.EvidenceStore store, OrganisationClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Audit Audit { get; private set; } = null!;
    public List<Measure> Measures { get; private set; } = [];
    public Dictionary<string, AuditTest> Tests { get; private set; } = [];
    public List<SelfInspectionComparison.SelfAnswer> SelfAnswers { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public List<(Guid Id, string Name)> AuditedDepartments { get; private set; } = [];
    public List<(Guid Id, string Name)> Owners { get; private set; } = [];
    public List<FindingRow> Findings { get; private set; } = [];
    public string? FailedMeasure { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> FindingErrors { get; private set; } = [];
    public FindingInput FindingForm { get; private set; } = new();
    /// <summary>For a follow-up audit: the audit it follows and the findings carried in to be re-checked.</summary>
    public (Guid Id, string Title)? Original { get; private set; }
    public List<RecheckRow> Rechecks { get; private set; } = [];
    public Guid? FailedRecheck { get; private set; }
    public IReadOnlyList<string> RecheckErrors { get; private set; } = [];
    public List<AttachAuditEvidence.File> Evidence { get; private set; } = [];
    public string MaxEvidenceSize => Infrastructure.Files.EvidenceStore.Megabytes(store.MaxBytes);

    public sealed record RecheckRow(Guid Id, uint Version, Guid FindingId, FindingClass Classification, string MeasureCode, string CheckItemCode,
        string Description, string Department, FindingStatus Status, CorrectiveActionStatus? ActionStatus, uint? ActionVersion, string? Owner,
        RecheckResult? Result, string Notes);

    public sealed record FindingRow(Guid Id, FindingClass Classification, string MeasureCode, string CheckItemCode, string Description, string Department,
        FindingStatus Status, CorrectiveActionStatus? ActionStatus);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, [FromForm(Name = "Test")] AuditTestInput test, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, audit) is { } refusal)
        {
            return await RefusedAsync(audit, refusal, cancellationToken);
        }

        var measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
        Errors = ModelState.IsValid
            ? await recordTest.SaveAsync(User, audit, measures.Select(m => m.Code).ToList(), test, cancellationToken)
            : [l["Audits.InvalidNumbers"]];
        if (Errors.Count == 0)
        {
            TempData["Message"] = l["Audits.TestSaved", test.MeasureCode ?? ""].Value;
            return Redirect(Url.Page("Fieldwork", new { id })! + "#measure-" + test.MeasureCode);
        }

        FailedMeasure = test.MeasureCode;
        db.ChangeTracker.Clear();
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(Guid id, [FromForm(Name = "Finding")] FindingInput finding, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, audit) is { } refusal)
        {
            return await RefusedAsync(audit, refusal, cancellationToken);
        }

        var measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
        var (findingId, errors) = ModelState.IsValid
            ? await recordFinding.CreateAsync(User, audit, measures, finding, DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken)
            : (null, [l["Audits.InvalidFinding"]]);
        if (findingId is { } created)
        {
            TempData["Message"] = l["Audits.FindingCreated"].Value;
            return RedirectToPage("Finding", new { id = created });
        }

        FindingErrors = errors;
        FindingForm = finding;
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecheckAsync(Guid id, [FromForm] Guid recheckId, [FromForm] string? result, [FromForm] string? notes,
        [FromForm] string? version, [FromForm] string? actionVersion, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, audit) is { } refusal)
        {
            return await RefusedAsync(audit, refusal, cancellationToken);
        }

        var input = new RecheckFinding.Input(recheckId, result, notes, uint.TryParse(version, out var v) ? v : uint.MaxValue,
            uint.TryParse(actionVersion, out var av) ? av : uint.MaxValue);
        var errors = await recheckFinding.SaveAsync(User, audit, input, cancellationToken);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count == 0)
        {
            TempData["Message"] = l["Audits.RecheckSaved"].Value;
            return Redirect(Url.Page("Fieldwork", new { id })! + "#recheck-" + recheckId);
        }

        FailedRecheck = recheckId;
        RecheckErrors = errors;
        db.ChangeTracker.Clear();
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadEvidenceAsync(Guid id, [FromForm] string? measureCode, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, audit) is { } refusal)
        {
            return await RefusedAsync(audit, refusal, cancellationToken);
        }

        var upload = file is null ? null : new EvidenceStore.Upload(file.FileName, file.Length, file.OpenReadStream);
        return await AfterEvidenceAsync(audit, measureCode, await evidence.AttachAsync(User, audit, measureCode ?? "", null, upload, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, [FromForm] string? measureCode, [FromForm] Guid evidenceId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } audit)
        {
            return NotFound();
        }

        if (SeparationOfDuties.RefusesFieldwork(User, audit) is { } refusal)
        {
            return await RefusedAsync(audit, refusal, cancellationToken);
        }

        return await AfterEvidenceAsync(audit, measureCode, await evidence.RemoveAsync(User, audit, evidenceId, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AfterEvidenceAsync(Audit audit, string? measureCode, AttachAuditEvidence.Result result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case AttachAuditEvidence.Outcome.NotFound:
                return NotFound();
            case AttachAuditEvidence.Outcome.Done:
                return Redirect(Url.Page("Fieldwork", new { id = audit.Id })! + "#measure-" + measureCode);
        }

        FailedMeasure = measureCode;
        Errors = result.Errors;
        db.ChangeTracker.Clear();
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    /// <summary>The audit's lead or a team member: records fieldwork. Anyone else who opens the page (compliance officers, other auditors) reads it.</summary>
    public bool CanRecord { get; private set; }
    public string? Refusal { get; private set; }

    /// <summary>A post by someone who does not do this audit's fieldwork: the page again, with the message, nothing changed.</summary>
    private async Task<IActionResult> RefusedAsync(Audit audit, string refusal, CancellationToken cancellationToken)
    {
        Refusal = l[refusal];
        await LoadAsync(audit, cancellationToken);
        return Page();
    }

    public bool Disagrees(SelfInspectionComparison.SelfAnswer answer) =>
        SelfInspectionComparison.Disagrees(answer.Value, Tests.GetValueOrDefault(answer.MeasureCode)?.Result);

    private Task<Audit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Audits.AsNoTracking().Include(a => a.CatalogVersion).Include(a => a.Team).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task LoadAsync(Audit audit, CancellationToken cancellationToken)
    {
        Audit = audit;
        CanRecord = SeparationOfDuties.DoesFieldwork(User, audit);
        Measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
        Tests = await db.AuditTests.AsNoTracking().Where(t => t.AuditId == audit.Id).ToDictionaryAsync(t => t.MeasureCode, cancellationToken);
        SelfAnswers = await comparison.LatestAsync(audit, Measures.Select(m => m.Code).ToList(), cancellationToken);
        var departments = await recordFinding.AuditedDepartmentsAsync(audit, cancellationToken);
        Names = await ScopeNames.NamesAsync(db, departments.Concat(audit.DepartmentIds), audit.ContractorIds, cancellationToken);
        AuditedDepartments = departments.Select(d => (d, Names.GetValueOrDefault(d, "?"))).ToList();
        var english = Languages.Current == Languages.English;
        Owners = (await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId != null && departments.Contains(u.DepartmentId.Value))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, Department = english ? u.Department!.NameEn : u.Department!.NameJa }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, $"{u.DisplayName} ({u.Department})")).ToList();
        Findings = await db.Findings.AsNoTracking().Where(f => f.AuditId == audit.Id).OrderBy(f => f.CreatedAt)
            .Select(f => new FindingRow(f.Id, f.Classification, f.MeasureCode, f.CheckItemCode, f.Description, english ? f.Department.NameEn : f.Department.NameJa,
                f.Status, f.CorrectiveAction == null ? null : f.CorrectiveAction.Status))
            .ToListAsync(cancellationToken);
        Evidence = await evidence.ListAsync(audit.Id, null, cancellationToken);
        if (audit.FollowUpOfAuditId is { } originalId)
        {
            Original = await db.Audits.AsNoTracking().Where(a => a.Id == originalId).Select(a => new ValueTuple<Guid, string>(a.Id, a.Title)).SingleAsync(cancellationToken);
            Rechecks = await db.FindingRechecks.AsNoTracking().Where(r => r.AuditId == audit.Id).OrderBy(r => r.Finding.CreatedAt)
                .Select(r => new RecheckRow(r.Id, r.Version, r.FindingId, r.Finding.Classification, r.Finding.MeasureCode, r.Finding.CheckItemCode, r.Finding.Description,
                    english ? r.Finding.Department.NameEn : r.Finding.Department.NameJa, r.Finding.Status,
                    r.Finding.CorrectiveAction == null ? null : r.Finding.CorrectiveAction.Status,
                    r.Finding.CorrectiveAction == null ? null : r.Finding.CorrectiveAction.Version,
                    r.Finding.CorrectiveAction == null ? null : r.Finding.CorrectiveAction.Owner.DisplayName,
                    r.Result, r.Notes))
                .ToListAsync(cancellationToken);
        }
    }
}
