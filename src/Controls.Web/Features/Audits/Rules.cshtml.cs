using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Programme rules that plan audits (auditors and compliance officers): "every department once a
/// year", "every contractor with special-care data twice a year". The hourly job plans and schedules;
/// "plan now" runs it at once. A rule is deactivated, never deleted (its audits refer to it).
/// </summary>
public class RulesModel(AppDbContext db, SaveAudit save, PlanAuditsFromRules plan, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<AuditRule> Rules { get; private set; } = [];
    public SaveAudit.Choices Choices { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([FromForm] string? name, [FromForm] AuditRuleTarget? target, [FromForm] int? perYear, [FromForm] Guid? catalogId,
        [FromForm] int? windowDays, [FromForm] int? noticeDays, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            errors.Add(l["Audits.RuleNameRequired"]);
        }

        if (!ModelState.IsValid || target is null || perYear is not (>= 1 and <= 4) || windowDays is not (>= 1 and <= 60) || noticeDays is not (>= 0 and <= 90))
        {
            errors.Add(l["Audits.RuleNumbers"]);
        }

        if (catalogId is null || !await db.Catalogs.AnyAsync(c => c.Id == catalogId, cancellationToken))
        {
            errors.Add(l["Audits.CatalogRequired"]);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.AuditRules.Add(new AuditRule
        {
            Id = Guid.NewGuid(),
            Name = name,
            Target = target!.Value,
            PerYear = perYear!.Value,
            CatalogId = catalogId!.Value,
            WindowDays = windowDays!.Value,
            NoticeDays = noticeDays!.Value,
            IsActive = true,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Rules");
    }

    public async Task<IActionResult> OnPostDeactivateAsync([FromForm] Guid ruleId, CancellationToken cancellationToken)
    {
        // Through the change tracker, so the audit trail records it and the row's version moves on.
        if (await db.AuditRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken) is { IsActive: true } rule)
        {
            rule.IsActive = false;
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Rules");
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken cancellationToken)
    {
        var result = await plan.RunAsync(DateOnly.FromDateTime(clock.Now.DateTime), cancellationToken);
        TempData["Message"] = l["Audits.RulesRan", result.Planned, result.Skipped, result.Scheduled].Value;
        return RedirectToPage("Rules");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await db.AuditRules.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        Choices = await save.ChoicesAsync(cancellationToken);
        if (Choices.Catalogs.Count > 0)
        {
            Choices.Catalogs[0].Selected = true;
        }
    }
}
