using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// The effectiveness check (有効性の確認) of a finding's corrective action, by an auditor who is not
/// the action's owner: effective → the action is verified and the finding closes (in one
/// transaction); not effective → the action is reopened. Observations and opportunities for
/// improvement have no action and are closed directly. A nonconformity closes only this way.
/// </summary>
public sealed class VerifyCorrectiveAction(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<string>> DecideAsync(ClaimsPrincipal user, Finding finding, bool effective, string? note, uint actionVersion, CancellationToken cancellationToken = default)
    {
        if (finding.CorrectiveAction is not { } action)
        {
            return [l["Audits.NoAction"]];
        }

        if (Infrastructure.Authorization.SeparationOfDuties.RefusesVerification(user, finding, action) is { } refusal)
        {
            return [l[refusal]];
        }

        if (finding.CheckEffectiveness(effective, (note ?? "").Trim(), DepartmentScope.UserId(user), time.GetUtcNow()) is { } refused)
        {
            // ("Validation.*" name the note and its longest length; the other messages take no argument.)
            return [l[refused, l["Audits.Field.EffectivenessNote"], CorrectiveAction.NoteLength]];
        }

        // Inside a caller's transaction (a follow-up re-check) the caller commits.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Entry(action).Property(a => a.Version).OriginalValue = actionVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [l["Common.ConcurrencyConflict"]];
        }
    }

    /// <summary>Closes an observation or opportunity for improvement (no corrective action to verify).</summary>
    public async Task<IReadOnlyList<string>> CloseAsync(ClaimsPrincipal user, Finding finding, uint version, CancellationToken cancellationToken = default)
    {
        if (!AuditAccess.Manages(user))
        {
            return [l["Audits.OnlyAuditorsVerify"]];
        }

        if (finding.Close(time.GetUtcNow()) is { } refusal)
        {
            return [l[refusal]];
        }

        db.Entry(finding).Property(f => f.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [l["Common.ConcurrencyConflict"]];
        }
    }
}
