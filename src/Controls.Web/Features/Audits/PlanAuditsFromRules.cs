using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Plans the audits of the programme rules for the current fiscal year: every target
/// <see cref="AuditRule.PerYear"/> times, windows spread evenly over the year (targets spread within
/// each slot). Idempotent: each audit has a unique rule key, so repeated or concurrent runs plan it
/// once. The lead is the independent active auditor with the fewest audits that year. Audits whose
/// notice time has come (window start − notice days) are scheduled, which notifies the auditees once.
/// A window that has already ended on the run's date is not planned at all (a rule created, or a
/// first run, in the middle of the year plans only what can still happen; nobody is told of the past).
/// </summary>
public sealed class PlanAuditsFromRules(AppDbContext db, AuditorIndependence independence, AuditLifecycle lifecycle, TimeProvider time, ILogger<PlanAuditsFromRules> logger)
{
    /// <summary><paramref name="Past"/>: windows already ended on the run's date, not planned.</summary>
    public sealed record Result(int Planned, int Skipped, int Scheduled, int Past = 0);

    public async Task<Result> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var fiscalStartMonth = await db.OrganisationSettings.Select(s => s.FiscalYearStartMonth).FirstOrDefaultAsync(cancellationToken);
        fiscalStartMonth = fiscalStartMonth is >= 1 and <= 12 ? fiscalStartMonth : 4;
        var year = SaveAudit.FiscalYear(today, fiscalStartMonth);
        var yearStart = new DateOnly(year, fiscalStartMonth, 1);
        int planned = 0, skipped = 0, past = 0;
        foreach (var rule in await db.AuditRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken))
        {
            var version = await db.CatalogVersions.Where(v => v.CatalogId == rule.CatalogId).OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
            if (version is null)
            {
                continue;
            }

            var targets = rule.Target == AuditRuleTarget.EveryDepartment
                ? await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null).OrderBy(d => d.Code)
                    .Select(d => new Target(d.Id, true, d.NameJa)).ToListAsync(cancellationToken)
                : await db.Contractors.AsNoTracking().Where(c => c.Status == ContractorStatus.Active && c.HandlesSpecialCareData).OrderBy(c => c.Name)
                    .Select(c => new Target(c.Id, false, c.Name)).ToListAsync(cancellationToken);
            var perYear = Math.Clamp(rule.PerYear, 1, 4);
            for (var slot = 0; slot < perYear; slot++)
            {
                var slotStart = yearStart.AddMonths(12 * slot / perYear);
                var slotDays = yearStart.AddMonths(12 * (slot + 1) / perYear).DayNumber - slotStart.DayNumber;
                for (var i = 0; i < targets.Count; i++)
                {
                    var target = targets[i];
                    var key = string.Create(CultureInfo.InvariantCulture, $"rule:{rule.Id}:{(target.IsDepartment ? "department" : "contractor")}:{target.Id}:{year}:{slot}");
                    if (await db.Audits.AnyAsync(a => a.RuleKey == key, cancellationToken))
                    {
                        continue;
                    }

                    var start = slotStart.AddDays(Math.Max(0, slotDays - rule.WindowDays) * i / Math.Max(1, targets.Count));
                    if (WindowEnd(start, rule) < today)
                    {
                        past++;
                        continue;
                    }

                    if (await PlanAsync(rule, version.Value, target, key, year, slot, start, cancellationToken))
                    {
                        planned++;
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
        }

        var scheduled = 0;
        var due = await db.Audits.Where(a => a.RuleId != null && a.Status == AuditStatus.Planned)
            .Join(db.AuditRules, a => a.RuleId, r => r.Id, (a, r) => new { Audit = a, r.NoticeDays })
            .ToListAsync(cancellationToken);
        foreach (var item in due.Where(d => d.Audit.WindowStart.AddDays(-d.NoticeDays) <= today))
        {
            item.Audit.Schedule(time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                scheduled++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone moved it meanwhile: their step stands.
                db.Entry(item.Audit).State = EntityState.Detached;
                continue;
            }

            await lifecycle.NotifyAuditeesAsync(item.Audit.Id, cancellationToken);
        }

        return new Result(planned, skipped, scheduled, past);
    }

    private static DateOnly WindowEnd(DateOnly start, AuditRule rule) => start.AddDays(Math.Max(1, rule.WindowDays) - 1);

    private sealed record Target(Guid Id, bool IsDepartment, string Name);

    private async Task<bool> PlanAsync(AuditRule rule, Guid versionId, Target target, string key, int year, int slot, DateOnly start, CancellationToken cancellationToken)
    {
        List<Guid> departments = target.IsDepartment ? [target.Id] : [];
        List<Guid> contractors = target.IsDepartment ? [] : [target.Id];
        var auditors = await Recipients.ActiveInRole(db, Roles.Auditor).AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, Load = db.Audits.Count(a => a.LeadAuditorId == u.Id && a.Programme.FiscalYear == year) })
            .OrderBy(u => u.Load).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .ToListAsync(cancellationToken);
        Guid? lead = null;
        foreach (var auditor in auditors)
        {
            if (await independence.CheckAssignmentAsync([auditor.Id], departments, contractors, cancellationToken) is null)
            {
                lead = auditor.Id;
                break;
            }
        }

        if (lead is null)
        {
            logger.LogWarning("Audit rule {Rule}: no independent auditor for {Target}", rule.Name, target.Name);
            return false;
        }

        var programmeId = await AuditProgrammes.EnsureAsync(db, year, time.GetUtcNow(), cancellationToken);
        var programme = await db.AuditProgrammes.SingleAsync(p => p.Id == programmeId, cancellationToken);
        if (programme.Status == AuditProgrammeStatus.Closed)
        {
            logger.LogWarning("Audit rule {Rule}: the programme of {Year} is closed, {Target} not planned", rule.Name, year, target.Name);
            return false;
        }

        // A new audit is not approved: an approved programme goes back to draft.
        programme.AuditAdded();
        var audit = new Audit
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programmeId,
            Title = $"{rule.Name} {target.Name} ({year}-{slot + 1})",
            DepartmentIds = departments,
            ContractorIds = contractors,
            CatalogVersionId = versionId,
            WindowStart = start,
            WindowEnd = WindowEnd(start, rule),
            LeadAuditorId = lead.Value,
            Status = AuditStatus.Planned,
            CreatedAt = time.GetUtcNow(),
            RuleId = rule.Id,
            RuleKey = key,
        };
        if (audit.Title.Length > 200)
        {
            audit.Title = audit.Title[..200];
        }

        db.Audits.Add(audit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            // Another run planned it first.
            db.Entry(audit).State = EntityState.Detached;
            db.Entry(programme).State = EntityState.Detached;
            return false;
        }
    }
}
