using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>What an auditor posts for a new finding (with its corrective action for a nonconformity).</summary>
public sealed class FindingInput
{
    public FindingClass? Classification { get; set; }
    public string? MeasureCode { get; set; }
    public string? CheckItemCode { get; set; }
    public string? Description { get; set; }
    public Guid? DepartmentId { get; set; }
    public string? Evidence { get; set; }
    public string? RootCause { get; set; }
    public string? ActionText { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }
}

/// <summary>
/// Records a finding against a measure (and optionally a check item) of one audited department.
/// A nonconformity gets its corrective action (是正処置: root cause, action, owner from the audited
/// department, due date) in the same transaction, so neither exists without the other.
/// </summary>
public sealed class RecordFinding(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int TextLength = 4000;

    /// <summary>The departments a finding of this audit may be against: those in scope and the owners of contractors in scope.</summary>
    public async Task<List<Guid>> AuditedDepartmentsAsync(Audit audit, CancellationToken cancellationToken = default) =>
        audit.DepartmentIds.Concat(await db.Contractors.AsNoTracking().Where(c => audit.ContractorIds.Contains(c.Id))
            .Select(c => c.OwningDepartmentId).ToListAsync(cancellationToken)).Distinct().ToList();

    public async Task<(Guid? Id, IReadOnlyList<string> Errors)> CreateAsync(ClaimsPrincipal user, Audit audit, IReadOnlyList<Measure> measures, FindingInput input, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (audit.Status is not (AuditStatus.InFieldwork or AuditStatus.Reporting))
        {
            return (null, [l["Audits.NotInFieldwork"]]);
        }

        var description = (input.Description ?? "").Trim();
        var evidence = (input.Evidence ?? "").Trim();
        var rootCause = (input.RootCause ?? "").Trim();
        var action = (input.ActionText ?? "").Trim();
        if (input.Classification is null)
        {
            errors.Add(l["Validation.Required", l["Audits.Field.Classification"]]);
        }

        var measure = measures.FirstOrDefault(m => m.Code == input.MeasureCode);
        if (measure is null)
        {
            errors.Add(l["Validation.Required", l["Audits.Field.Measure"]]);
        }

        var itemCode = (input.CheckItemCode ?? "").Trim();
        if (itemCode.Length > 0 && measure is not null && measure.Items.All(i => i.Code != itemCode))
        {
            errors.Add(l["Audits.UnknownItem", itemCode.Length > 40 ? itemCode[..40] : itemCode]);
        }

        if (description.Length == 0)
        {
            errors.Add(l["Validation.Required", l["Audits.Field.Description"]]);
        }

        foreach (var (text, key) in new[] { (description, "Audits.Field.Description"), (evidence, "Audits.Field.Evidence"), (rootCause, "Field.RootCause"), (action, "Field.ActionText") })
        {
            if (text.Length > TextLength)
            {
                errors.Add(l["Validation.MaxLength", l[key], TextLength]);
            }
        }

        var departments = await AuditedDepartmentsAsync(audit, cancellationToken);
        if (input.DepartmentId is not { } departmentId || !departments.Contains(departmentId))
        {
            errors.Add(l["Audits.DepartmentNotInScope"]);
        }

        var nonconformity = input.Classification is FindingClass.MajorNonconformity or FindingClass.MinorNonconformity;
        if (nonconformity)
        {
            if (rootCause.Length == 0)
            {
                errors.Add(l["Validation.Required", l["Field.RootCause"]]);
            }

            if (action.Length == 0)
            {
                errors.Add(l["Validation.Required", l["Field.ActionText"]]);
            }

            if (input.DueOn is not { } due)
            {
                errors.Add(l["Validation.Required", l["Field.DueOn"]]);
            }
            else if (due < today)
            {
                errors.Add(l["Audits.DueInPast"]);
            }

            if (input.OwnerId is not { } ownerId
                || !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive && u.DepartmentId == input.DepartmentId, cancellationToken))
            {
                errors.Add(l["Audits.OwnerFromDepartment"]);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var me = DepartmentScope.UserId(user) ?? Guid.Empty;
        // Inside a caller's transaction (the demo seed) the caller commits.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var finding = new Finding
        {
            Id = Guid.NewGuid(),
            AuditId = audit.Id,
            Classification = input.Classification!.Value,
            MeasureCode = measure!.Code,
            CheckItemCode = itemCode,
            Description = description,
            DepartmentId = input.DepartmentId!.Value,
            Evidence = evidence,
            Status = FindingStatus.Open,
            CreatedAt = now,
            CreatedById = me,
        };
        if (nonconformity)
        {
            var correctiveAction = new CorrectiveAction
            {
                Id = Guid.NewGuid(),
                Source = CorrectiveActionSource.AuditFinding,
                DepartmentId = finding.DepartmentId,
                CheckItemId = measure.Items.FirstOrDefault(i => i.Code == itemCode)?.Id,
                Action = action,
                RootCause = rootCause,
                OwnerId = input.OwnerId!.Value,
                DueOn = input.DueOn!.Value,
                Status = CorrectiveActionStatus.Open,
                CreatedAt = now,
                CreatedById = me,
            };
            db.CorrectiveActions.Add(correctiveAction);
            finding.CorrectiveActionId = correctiveAction.Id;
        }

        db.Findings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return (finding.Id, []);
    }
}
