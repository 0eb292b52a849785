using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The risk assessment (リスク分析) of one ledger entry: one row per life-cycle stage. The
/// department's head (and compliance officers and administrators) write it; everyone who sees the
/// entry reads it (another department's entry is a 404). Concurrent saves are detected by the
/// assessment's row version. Compliance officers accept the residual risks on <c>/Ledger/RiskAcceptance</c>.
/// </summary>
public class RiskModel(AppDbContext db, LedgerAccess access, RiskMeasures catalog, CurrentActor actor, OrganisationClock clock, TimeProvider time,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public List<RiskStageInput> Stages { get; set; } = [];

    [BindProperty]
    public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string EntryName { get; private set; } = "";
    public string Department { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanAccept { get; private set; }
    public DateOnly Today { get; private set; }
    public RiskAssessment? Assessment { get; private set; }
    public List<RiskMeasures.Choice> Choices { get; private set; } = [];
    public Dictionary<Guid, RiskMeasures.Choice> Linked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await EntryAsync(id, tracked: false);
        if (entry is null)
        {
            return NotFound();
        }

        Stages = StagesOf(entry.RiskAssessment);
        Version = entry.RiskAssessment?.Version ?? 0;
        await ShowAsync(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entry = await EntryAsync(id, tracked: true);
        if (entry is null)
        {
            return NotFound();
        }

        if (!LedgerAccess.CanEdit(User, entry.DepartmentId))
        {
            return Forbid();
        }

        var current = await catalog.CurrentAsync(HttpContext.RequestAborted);
        var currentIds = current.Select(c => c.Id).ToHashSet();
        var before = entry.RiskAssessment?.Stages.ToDictionary(s => s.Stage, s => s.MeasureIds.ToHashSet()) ?? [];
        for (var i = 0; i < Stages.Count; i++)
        {
            var ids = Stages[i].MeasureGuids;
            // A link must be to a measure of the current version, unless it was already there (made with an earlier version).
            if (ids is null || ids.Any(m => !currentIds.Contains(m) && !(before.GetValueOrDefault(Stages[i].Stage)?.Contains(m) ?? false)))
            {
                ModelState.AddModelError($"Stages[{i}].MeasureIds", l["Risk.UnknownMeasure"]);
            }
        }

        var assessment = entry.RiskAssessment;
        if (ModelState.IsValid)
        {
            if (assessment is null)
            {
                assessment = RiskAssessment.For(entry.Id, time.GetUtcNow());
                db.RiskAssessments.Add(assessment);
            }
            else
            {
                db.Entry(assessment).Property(a => a.Version).OriginalValue = Version;
            }

            var errors = assessment.Record(Stages.Select(s => s.ToAssessment()).ToList(), actor.UserId, LedgerAccess.ShownName(User, actor),
                DateOnly.FromDateTime(clock.Now.DateTime), time.GetUtcNow());
            foreach (var error in errors)
            {
                AddError(error);
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await ShowAsync((await EntryAsync(id, tracked: false))!);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation(db))
        {
            db.ChangeTracker.Clear();
            var fresh = await EntryAsync(id, tracked: false);
            if (fresh is null || !LedgerAccess.CanEdit(User, fresh.DepartmentId))
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Stages = StagesOf(fresh.RiskAssessment);
            Version = fresh.RiskAssessment?.Version ?? 0;
            await ShowAsync(fresh);
            return Page();
        }

        TempData["Message"] = (assessment!.IsFilledIn ? l["Risk.Saved"] : l["Risk.SavedDraft"]).Value;
        return RedirectToPage("Risk", new { id });
    }

    private void AddError(RiskError error)
    {
        var index = error.Stage is { } stage ? Stages.FindIndex(s => s.Stage == stage) : -1;
        var key = index >= 0 ? $"Stages[{index}].{error.Field}" : "";
        var message = error.Problem switch
        {
            RiskProblem.OutOfRange => l["Risk.OutOfRange", l["Risk.Field." + error.Field], RiskAssessment.MinRating, RiskAssessment.MaxRating],
            RiskProblem.ResidualAboveRisk => l["Risk.ResidualAboveRisk"],
            RiskProblem.UnknownStage => l["Risk.UnknownStage"],
            _ => l["Risk.Problem." + error.Problem],
        };
        ModelState.AddModelError(key, message);
    }

    /// <summary>The entry as this user may see it, with its assessment (null: not there or not theirs).</summary>
    private async Task<LedgerEntry?> EntryAsync(Guid id, bool tracked)
    {
        var query = (await access.VisibleAsync(User, HttpContext.RequestAborted)).Include(e => e.Department).Include(e => e.RiskAssessment!).ThenInclude(a => a.Stages);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(e => e.Id == id, HttpContext.RequestAborted);
    }

    /// <summary>One input per stage in life-cycle order: the saved values, or blank.</summary>
    private static List<RiskStageInput> StagesOf(RiskAssessment? assessment) =>
        Enum.GetValues<LifeCycleStage>()
            .Select(stage => assessment?.Stages.SingleOrDefault(s => s.Stage == stage) is { } saved ? RiskStageInput.From(saved) : new RiskStageInput { Stage = stage })
            .ToList();

    private async Task ShowAsync(LedgerEntry entry)
    {
        Id = entry.Id;
        EntryName = entry.Name;
        Department = entry.Department.Code + " " + (Languages.Current == Languages.English ? entry.Department.NameEn : entry.Department.NameJa);
        CanEdit = LedgerAccess.CanEdit(User, entry.DepartmentId);
        CanAccept = LedgerAccess.CanAcceptRisk(User);
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Assessment = entry.RiskAssessment;
        Choices = CanEdit ? await catalog.CurrentAsync(HttpContext.RequestAborted) : [];
        var linked = (Assessment?.Stages.SelectMany(s => s.MeasureIds) ?? []).Concat(Stages.SelectMany(s => s.MeasureGuids ?? []));
        Linked = await catalog.ByIdAsync(linked, HttpContext.RequestAborted);
        // A stage posted out of order or twice still shows in life-cycle order with its saved state.
        if (Stages.Count == 0)
        {
            Stages = StagesOf(Assessment);
        }
    }

    public RiskAssessmentStage? Saved(LifeCycleStage stage) => Assessment?.Stages.SingleOrDefault(s => s.Stage == stage);
}
