using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Creates and edits audits: scope (departments, contractors, measures of the pinned catalog
/// version), planned window, lead auditor and team. The programme of the window's fiscal year is
/// created on first use. Every save re-checks <see cref="AuditorIndependence"/>.
/// </summary>
public sealed class SaveAudit(AppDbContext db, AuditorIndependence independence, AuditLifecycle lifecycle, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public sealed record Choices(List<SelectListItem> Catalogs, List<SelectListItem> Departments, List<SelectListItem> Contractors, List<SelectListItem> Auditors);

    public async Task<Choices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var language = Languages.Current;
        var catalogs = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Number == db.CatalogVersions.Where(o => o.CatalogId == v.CatalogId).Max(o => o.Number))
            .OrderBy(v => v.Catalog.Key).Select(v => new { v.CatalogId, v.TitleJa, v.TitleEn, v.Label }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.NameJa, d.NameEn }).ToListAsync(cancellationToken);
        var contractors = await db.Contractors.AsNoTracking().Where(c => c.Status != ContractorStatus.Terminated).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var auditors = await Recipients.ActiveInRole(db, Roles.Auditor).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, Department = u.Department == null ? "" : (language == Languages.English ? u.Department.NameEn : u.Department.NameJa) })
            .ToListAsync(cancellationToken);
        return new Choices(
            catalogs.Select(c => new SelectListItem($"{(language == Languages.English ? c.TitleEn : c.TitleJa)} ({c.Label})", c.CatalogId.ToString())).ToList(),
            departments.Select(d => new SelectListItem($"{d.Code} {(language == Languages.English ? d.NameEn : d.NameJa)}", d.Id.ToString())).ToList(),
            contractors.Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList(),
            auditors.Select(a => new SelectListItem(a.Department.Length > 0 ? $"{a.DisplayName} ({a.Department})" : a.DisplayName, a.Id.ToString())).ToList());
    }

    /// <summary>Checks the input; returns the pinned catalog version and measure codes when valid.</summary>
    private async Task<(Guid VersionId, List<string> Codes)?> CheckAsync(ModelStateDictionary state, AuditInput input, Guid? pinnedVersionId, CancellationToken cancellationToken)
    {
        input.DepartmentIds = input.DepartmentIds.Distinct().ToList();
        input.ContractorIds = input.ContractorIds.Distinct().ToList();
        input.TeamIds = input.TeamIds.Distinct().Where(t => t != input.LeadAuditorId).ToList();
        if (input.DepartmentIds.Count == 0 && input.ContractorIds.Count == 0)
        {
            state.AddModelError("Input.DepartmentIds", l["Audits.ScopeRequired"]);
        }

        if (input.DepartmentIds.Count > 200 || input.ContractorIds.Count > 200 || input.TeamIds.Count > 50)
        {
            state.AddModelError("", l["Audits.TooMany"]);
            return null;
        }

        if (input.DepartmentIds.Count > 0 && await db.Departments.CountAsync(d => input.DepartmentIds.Contains(d.Id) && d.RetiredAt == null, cancellationToken) != input.DepartmentIds.Count)
        {
            state.AddModelError("Input.DepartmentIds", l["Validation.UnknownDepartment"]);
        }

        if (input.ContractorIds.Count > 0 && await db.Contractors.CountAsync(c => input.ContractorIds.Contains(c.Id), cancellationToken) != input.ContractorIds.Count)
        {
            state.AddModelError("Input.ContractorIds", l["Audits.UnknownContractor"]);
        }

        if (input.WindowStart is { } start && input.WindowEnd is { } end && end < start)
        {
            state.AddModelError("Input.WindowEnd", l["Audits.WindowOrder"]);
        }

        var auditorIds = input.TeamIds.Append(input.LeadAuditorId ?? Guid.Empty).ToList();
        var auditors = await Recipients.ActiveInRole(db, Roles.Auditor).CountAsync(u => auditorIds.Contains(u.Id), cancellationToken);
        if (input.LeadAuditorId is not null && auditors != auditorIds.Count)
        {
            state.AddModelError("Input.TeamIds", l["Audits.NotAnAuditor"]);
        }

        Guid? versionId = pinnedVersionId;
        if (versionId is null)
        {
            versionId = await db.CatalogVersions.Where(v => v.CatalogId == input.CatalogId).OrderByDescending(v => v.Number)
                .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
            if (versionId is null)
            {
                state.AddModelError("Input.CatalogId", l["Audits.CatalogRequired"]);
            }
        }

        var codes = AuditInput.SplitCodes(input.MeasureCodes);
        if (versionId is { } version && codes.Count > 0)
        {
            var known = await db.Measures.Where(m => m.CatalogVersionId == version).Select(m => m.Code).ToListAsync(cancellationToken);
            var unknown = codes.Where(c => !known.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                state.AddModelError("Input.MeasureCodes", l["Audits.UnknownMeasures", string.Join(", ", unknown.Take(10))]);
            }
        }

        if (state.IsValid && await independence.CheckAssignmentAsync(auditorIds, input.DepartmentIds, input.ContractorIds, cancellationToken) is { } refusal)
        {
            state.AddModelError("Input.TeamIds", refusal);
        }

        return state.IsValid && versionId is { } pinned ? (pinned, codes) : null;
    }

    /// <summary>A follow-up audit: the audit it follows, that audit's pinned catalog version, and the findings it re-checks.</summary>
    public sealed record FollowUp(Guid OriginalId, Guid CatalogVersionId, IReadOnlyList<Guid> FindingIds);

    public Task<Guid?> CreateAsync(ClaimsPrincipal user, ModelStateDictionary state, AuditInput input, int fiscalStartMonth, CancellationToken cancellationToken = default) =>
        CreateAsync(user, state, input, fiscalStartMonth, null, cancellationToken);

    public async Task<Guid?> CreateAsync(ClaimsPrincipal user, ModelStateDictionary state, AuditInput input, int fiscalStartMonth, FollowUp? followUp,
        CancellationToken cancellationToken = default)
    {
        if (!state.IsValid || await CheckAsync(state, input, followUp?.CatalogVersionId, cancellationToken) is not { } checkedInput)
        {
            return null;
        }

        // Inside a caller's transaction (the demo seed) the caller commits.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var year = FiscalYear(input.WindowStart!.Value, fiscalStartMonth);
        var programmeId = await AuditProgrammes.EnsureAsync(db, year, time.GetUtcNow(), cancellationToken);
        var programme = await db.AuditProgrammes.SingleAsync(p => p.Id == programmeId, cancellationToken);
        if (programme.Status == AuditProgrammeStatus.Closed)
        {
            state.AddModelError("Input.WindowStart", l["AuditProgramme.ClosedNoNewAudits", year]);
            return null;
        }

        // A new audit is not approved: an approved programme goes back to draft.
        programme.AuditAdded();
        var audit = new Audit
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programmeId,
            CatalogVersionId = checkedInput.VersionId,
            Status = AuditStatus.Planned,
            CreatedAt = time.GetUtcNow(),
            CreatedById = DepartmentScope.UserId(user) ?? Guid.Empty,
        };
        Apply(audit, input, checkedInput.Codes);
        audit.Team = input.TeamIds.Select(t => new AuditTeamMember { AuditId = audit.Id, UserId = t }).ToList();
        db.Audits.Add(audit);
        if (followUp is not null)
        {
            audit.FollowUpOfAuditId = followUp.OriginalId;
            db.FindingRechecks.AddRange(followUp.FindingIds.Select(f => new FindingRecheck { Id = Guid.NewGuid(), AuditId = audit.Id, FindingId = f }));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return audit.Id;
    }

    public enum Outcome { Saved, Invalid, Conflict }

    public async Task<Outcome> UpdateAsync(Audit audit, ModelStateDictionary state, AuditInput input, uint version, int fiscalStartMonth, CancellationToken cancellationToken = default)
    {
        if (!audit.IsActive)
        {
            state.AddModelError("", l["Audits.NotEditable"]);
            return Outcome.Invalid;
        }

        if (!state.IsValid || await CheckAsync(state, input, audit.CatalogVersionId, cancellationToken) is not { } checkedInput)
        {
            return Outcome.Invalid;
        }

        if (audit.FollowUpOfAuditId is not null && !await CoversRechecksAsync(audit.Id, input, checkedInput.Codes, cancellationToken))
        {
            state.AddModelError("Input.DepartmentIds", l["Audits.FollowUpScopeNarrowed"]);
            return Outcome.Invalid;
        }

        if (FiscalYear(input.WindowStart!.Value, fiscalStartMonth) != await db.AuditProgrammes.Where(p => p.Id == audit.ProgrammeId).Select(p => p.FiscalYear).SingleAsync(cancellationToken))
        {
            state.AddModelError("Input.WindowStart", l["Audits.FiscalYearFixed"]);
            return Outcome.Invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        Apply(audit, input, checkedInput.Codes);
        var team = await db.AuditTeamMembers.Where(m => m.AuditId == audit.Id).ToListAsync(cancellationToken);
        db.AuditTeamMembers.RemoveRange(team.Where(m => !input.TeamIds.Contains(m.UserId)));
        db.AuditTeamMembers.AddRange(input.TeamIds.Where(t => team.All(m => m.UserId != t)).Select(t => new AuditTeamMember { AuditId = audit.Id, UserId = t }));
        // Touch the audit row so that a concurrent edit of the team alone is detected too.
        db.Entry(audit).Property(a => a.Title).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            state.AddModelError("", l["Common.ConcurrencyConflict"]);
            return Outcome.Conflict;
        }

        // A changed window of a scheduled audit tells the auditees again (the dedup key holds the window).
        await lifecycle.NotifyAuditeesAsync(audit.Id, cancellationToken);
        return Outcome.Saved;
    }

    /// <summary>A follow-up's scope keeps covering the findings it re-checks: their departments (directly or through a contractor they own) and measures.</summary>
    private async Task<bool> CoversRechecksAsync(Guid auditId, AuditInput input, List<string> codes, CancellationToken cancellationToken)
    {
        var carried = await db.FindingRechecks.Where(r => r.AuditId == auditId).Select(r => new { r.Finding.DepartmentId, r.Finding.MeasureCode }).ToListAsync(cancellationToken);
        var owners = await db.Contractors.Where(c => input.ContractorIds.Contains(c.Id)).Select(c => c.OwningDepartmentId).ToListAsync(cancellationToken);
        return carried.All(f => (input.DepartmentIds.Contains(f.DepartmentId) || owners.Contains(f.DepartmentId)) && (codes.Count == 0 || codes.Contains(f.MeasureCode)));
    }

    public static int FiscalYear(DateOnly date, int fiscalStartMonth) => date.Month >= fiscalStartMonth ? date.Year : date.Year - 1;

    private static void Apply(Audit audit, AuditInput input, List<string> codes)
    {
        audit.Title = input.Title.Trim();
        audit.DepartmentIds = input.DepartmentIds;
        audit.ContractorIds = input.ContractorIds;
        audit.MeasureCodes = codes;
        audit.WindowStart = input.WindowStart!.Value;
        audit.WindowEnd = input.WindowEnd!.Value;
        audit.LeadAuditorId = input.LeadAuditorId!.Value;
    }
}
