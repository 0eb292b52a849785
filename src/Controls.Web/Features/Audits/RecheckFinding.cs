using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The re-check of a finding carried into a follow-up audit, during its fieldwork: still open or
/// resolved, with notes. A resolved nonconformity is the effectiveness check of its corrective
/// action (<see cref="VerifyCorrectiveAction"/>: an auditor other than the owner, the action
/// implemented), recorded in the same transaction, so the finding closes only when its action is
/// verified. A resolved observation or opportunity for improvement closes directly.
/// </summary>
public sealed class RecheckFinding(AppDbContext db, VerifyCorrectiveAction verify, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public sealed record Input(Guid RecheckId, string? Result, string? Notes, uint Version, uint ActionVersion);

    /// <summary>Null when there is no such re-check in this audit; otherwise the messages (none when saved).</summary>
    public async Task<IReadOnlyList<string>?> SaveAsync(ClaimsPrincipal user, Audit audit, Input input, CancellationToken cancellationToken = default)
    {
        var recheck = await db.FindingRechecks.Include(r => r.Finding).ThenInclude(f => f.CorrectiveAction)
            .SingleOrDefaultAsync(r => r.Id == input.RecheckId && r.AuditId == audit.Id, cancellationToken);
        if (recheck is null)
        {
            return null;
        }

        if (audit.Status is not (AuditStatus.InFieldwork or AuditStatus.Reporting))
        {
            return [l["Audits.NotInFieldwork"]];
        }

        var result = Enum.GetValues<RecheckResult>().Cast<RecheckResult?>().FirstOrDefault(r => string.Equals(r.ToString(), input.Result, StringComparison.Ordinal));
        var notes = (input.Notes ?? "").Trim();
        var errors = new List<string>();
        if (result is null)
        {
            errors.Add(l["Validation.Required", l["Audits.Field.RecheckResult"]]);
        }

        if (notes.Length == 0)
        {
            errors.Add(l["Validation.Required", l["Audits.Field.RecheckNotes"]]);
        }
        else if (notes.Length > RecordFinding.TextLength)
        {
            errors.Add(l["Validation.MaxLength", l["Audits.Field.RecheckNotes"], RecordFinding.TextLength]);
        }

        var finding = recheck.Finding;
        if (result == RecheckResult.StillOpen && finding.Status == FindingStatus.Closed)
        {
            errors.Add(l["Audits.RecheckAlreadyClosed"]);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(recheck).Property(r => r.Version).OriginalValue = input.Version;
        recheck.Result = result;
        recheck.Notes = notes;
        recheck.CheckedAt = time.GetUtcNow();
        recheck.CheckedById = DepartmentScope.UserId(user);
        if (result == RecheckResult.Resolved && finding.Status == FindingStatus.Open)
        {
            if (finding.IsNonconformity)
            {
                // Verifies the action and closes the finding, or refuses (owner, not an auditor, not implemented).
                var refused = await verify.DecideAsync(user, finding, true, notes, input.ActionVersion, cancellationToken);
                if (refused.Count > 0)
                {
                    return refused;
                }
            }
            else
            {
                finding.Close(recheck.CheckedAt.Value);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [l["Common.ConcurrencyConflict"]];
        }
    }
}
