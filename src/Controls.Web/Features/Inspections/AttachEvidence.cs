using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Evidence on a check item of an inspection: attach (checked first; the file is written only
/// after the checks and removed again if the record cannot be saved, so nothing is left behind),
/// remove while the inspection is open, and open for download by those who may see the inspection.
/// </summary>
public sealed class AttachEvidence(AppDbContext db, InspectionAccess access, EvidenceStore store, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    public sealed record Download(string FileName, string ContentType, Stream Content);

    public async Task<Result> AttachAsync(ClaimsPrincipal user, Guid inspectionId, Guid checkItemId, EvidenceStore.Upload? upload, CancellationToken cancellationToken = default)
    {
        // Refuse early (before reading the file) when the user may not attach here at all.
        var refused = await RefusalAsync(user, await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, cancellationToken), checkItemId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var (file, error) = await store.AcceptAsync(upload, l, cancellationToken);
        if (file is null)
        {
            return new Result(InspectionChange.Invalid, [error!]);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var inspection = await InspectionLocks.ForAnswerAsync(db, inspectionId, cancellationToken);
            refused = await RefusalAsync(user, inspection, checkItemId, cancellationToken);
            if (refused is not null)
            {
                store.Delete(file.StoragePath);
                return refused;
            }

            var answer = await db.Answers.SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.CheckItemId == checkItemId, cancellationToken);
            if (answer is null)
            {
                // Evidence may come before the answer: an empty answer holds it.
                answer = new Answer { Id = Guid.NewGuid(), InspectionId = inspectionId, CheckItemId = checkItemId };
                db.Answers.Add(answer);
            }

            db.Evidence.Add(new Evidence
            {
                Id = Guid.NewGuid(),
                AnswerId = answer.Id,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Size,
                Sha256 = file.Sha256,
                StoragePath = file.StoragePath,
                UploadedAt = time.GetUtcNow(),
                UploadedById = DepartmentScope.UserId(user) ?? Guid.Empty,
            });
            inspection!.StartAnswering();

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(InspectionChange.Done, []);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            // Someone gave the item its first answer at the same moment.
            store.Delete(file.StoragePath);
            return new Result(InspectionChange.Conflict, [l["Common.ConcurrencyConflict"]]);
        }
        catch
        {
            store.Delete(file.StoragePath);
            throw;
        }
    }

    public async Task<Result> RemoveAsync(ClaimsPrincipal user, Guid inspectionId, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        string storagePath;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var inspection = await InspectionLocks.ForAnswerAsync(db, inspectionId, cancellationToken);
            var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.Answer!.InspectionId == inspectionId, cancellationToken);
            var refused = await RefusalAsync(user, inspection, null, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            if (evidence is null)
            {
                return new Result(InspectionChange.NotFound, []);
            }

            storagePath = evidence.StoragePath;
            db.Evidence.Remove(evidence);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        store.Delete(storagePath);
        return new Result(InspectionChange.Done, []);
    }

    /// <summary>The file for download, or null if it does not exist or this user may not see its inspection.</summary>
    public async Task<Download?> OpenAsync(ClaimsPrincipal user, Guid inspectionId, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await (await access.VisibleAsync(user, cancellationToken))
            .Where(i => i.Id == inspectionId)
            .SelectMany(i => i.Answers).SelectMany(a => a.Evidence)
            .Where(e => e.Id == evidenceId)
            .Select(e => new { e.FileName, e.ContentType, e.StoragePath })
            .SingleOrDefaultAsync(cancellationToken);
        return evidence is not null && store.Open(evidence.StoragePath) is { } content
            ? new Download(evidence.FileName, evidence.ContentType, content)
            : null;
    }

    private async Task<Result?> RefusalAsync(ClaimsPrincipal user, Inspection? inspection, Guid? checkItemId, CancellationToken cancellationToken)
    {
        if (inspection is null || !await access.CanSeeAsync(user, inspection, cancellationToken)
            || (checkItemId is { } itemId && !await InspectionContent.ItemsInScope(db, inspection.CatalogVersionId, inspection.MeasureCodes, inspection.Simplified).AnyAsync(c => c.Id == itemId, cancellationToken)))
        {
            return new Result(InspectionChange.NotFound, []);
        }

        if (!await access.AnswersForAsync(user, inspection, cancellationToken))
        {
            return new Result(InspectionChange.Forbidden, []);
        }

        return inspection.IsOpen ? null : new Result(InspectionChange.Locked, [l["Inspections.Locked"]]);
    }
}
