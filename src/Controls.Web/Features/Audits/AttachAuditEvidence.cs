using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>
/// Evidence files of an audit, on the test of a measure in scope or on one of its findings, kept in
/// the inspections' <see cref="EvidenceStore"/> (same size and type checks, safe names). Auditors
/// and compliance officers attach and remove them while the audit is not closed or cancelled; the
/// file is written only after the checks and removed again if the record cannot be saved.
/// Downloads follow <see cref="AuditAccess"/>: a finding's files to those who see the finding (a
/// department head: their department's only), a test's files to those who see every department.
/// </summary>
public sealed class AttachAuditEvidence(AppDbContext db, AuditAccess access, EvidenceStore store, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public enum Outcome { Done, NotFound, Invalid }

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Errors);

    public sealed record File(Guid Id, string? MeasureCode, Guid? FindingId, string FileName, long Size, string UploadedBy, DateTimeOffset UploadedAt);

    public sealed record Download(string FileName, string ContentType, Stream Content);

    public async Task<Result> AttachAsync(ClaimsPrincipal user, Audit audit, string? measureCode, Guid? findingId, EvidenceStore.Upload? upload,
        CancellationToken cancellationToken = default)
    {
        if ((measureCode is null) == (findingId is null))
        {
            return new Result(Outcome.NotFound, []);
        }

        if (measureCode is not null && !(await AuditContent.MeasuresAsync(db, audit, cancellationToken)).Any(m => m.Code == measureCode))
        {
            return new Result(Outcome.NotFound, []);
        }

        if (findingId is { } finding && !await db.Findings.AnyAsync(f => f.Id == finding && f.AuditId == audit.Id, cancellationToken))
        {
            return new Result(Outcome.NotFound, []);
        }

        if (!AuditAccess.Manages(user) || !audit.IsActive)
        {
            return new Result(Outcome.Invalid, [l["Audits.EvidenceLocked"]]);
        }

        var (file, error) = await store.AcceptAsync(upload, l, cancellationToken);
        if (file is null)
        {
            return new Result(Outcome.Invalid, [error!]);
        }

        try
        {
            db.AuditEvidence.Add(new AuditEvidence
            {
                Id = Guid.NewGuid(),
                AuditId = audit.Id,
                MeasureCode = measureCode,
                FindingId = findingId,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Size,
                Sha256 = file.Sha256,
                StoragePath = file.StoragePath,
                UploadedAt = time.GetUtcNow(),
                UploadedById = DepartmentScope.UserId(user) ?? Guid.Empty,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new Result(Outcome.Done, []);
        }
        catch
        {
            store.Delete(file.StoragePath);
            throw;
        }
    }

    public async Task<Result> RemoveAsync(ClaimsPrincipal user, Audit audit, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.AuditEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.AuditId == audit.Id, cancellationToken);
        if (evidence is null)
        {
            return new Result(Outcome.NotFound, []);
        }

        if (!AuditAccess.Manages(user) || !audit.IsActive)
        {
            return new Result(Outcome.Invalid, [l["Audits.EvidenceLocked"]]);
        }

        db.AuditEvidence.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(evidence.StoragePath);
        return new Result(Outcome.Done, []);
    }

    /// <summary>The files of an audit (of one finding, or of its tests when <paramref name="findingId"/> is null).</summary>
    public Task<List<File>> ListAsync(Guid auditId, Guid? findingId, CancellationToken cancellationToken = default) =>
        db.AuditEvidence.AsNoTracking().Where(e => e.AuditId == auditId && e.FindingId == findingId).OrderBy(e => e.UploadedAt)
            .Join(db.Users, e => e.UploadedById, u => u.Id, (e, u) => new File(e.Id, e.MeasureCode, e.FindingId, e.FileName, e.Size, u.DisplayName, e.UploadedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The file for download, or null if it does not exist or this user may not see it.</summary>
    public async Task<Download?> OpenAsync(ClaimsPrincipal user, Guid auditId, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var findings = (await access.FindingsAsync(user, cancellationToken));
        var seesTests = AuditAccess.SeesAll(user);
        var audits = await access.AuditsAsync(user, cancellationToken);
        var evidence = await db.AuditEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.AuditId == auditId && audits.Any(a => a.Id == auditId))
            .Where(e => e.FindingId == null ? seesTests : findings.Any(f => f.Id == e.FindingId))
            .Select(e => new { e.FileName, e.ContentType, e.StoragePath })
            .SingleOrDefaultAsync(cancellationToken);
        return evidence is not null && store.Open(evidence.StoragePath) is { } content
            ? new Download(evidence.FileName, evidence.ContentType, content)
            : null;
    }
}
