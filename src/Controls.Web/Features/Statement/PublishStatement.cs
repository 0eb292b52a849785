using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Statement;

/// <summary>
/// Publishes the statement as it is now as a new immutable version. Refused (nothing saved) when
/// the text or warnings changed since the approver looked (the fingerprint), or when warnings are
/// open and no reason is given.
/// </summary>
public sealed class PublishStatement(AppDbContext db, StatementDraft drafts, TimeProvider time)
{
    /// <summary>The new version's number, or the resource key of the reason it was refused.</summary>
    public sealed record Result(int? Number, string? Error);

    public async Task<Result> RunAsync(Guid userId, string fingerprint, string? reason, CancellationToken cancellationToken = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length > StatementVersion.ReasonLength)
        {
            return new Result(null, "Statement.ReasonTooLong");
        }

        var draft = await drafts.BuildAsync(cancellationToken);
        if (!string.Equals(fingerprint, draft.Fingerprint, StringComparison.Ordinal))
        {
            return new Result(null, "Statement.ChangedSinceOpened");
        }

        if (draft.Warnings.Count > 0 && reason.Length == 0)
        {
            return new Result(null, "Statement.ReasonRequired");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        var number = (await db.StatementVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        db.StatementVersions.Add(new StatementVersion
        {
            Id = Guid.NewGuid(),
            Number = number,
            PublishedAt = time.GetUtcNow(),
            PublishedById = userId,
            PublishedBy = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
            TextJa = draft.Ja.ToPlainText(),
            TextEn = draft.En.ToPlainText(),
            ParagraphsJa = draft.Ja.ToJson(),
            ParagraphsEn = draft.En.ToJson(),
            Countries = draft.Countries.Select(c => c.Code).ToList(),
            Withheld = draft.Measures.Where(m => m.Withheld).Select(m => $"{m.CatalogKey}/{m.Code}: {m.WithheldReason}").ToList(),
            WarningsJa = draft.Warnings.Select(w => w.Ja).ToList(),
            WarningsEn = draft.Warnings.Select(w => w.En).ToList(),
            WarningReason = draft.Warnings.Count > 0 ? reason : "",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else published the same number at the same moment (unique index).
            db.ChangeTracker.Clear();
            return new Result(null, "Common.ConcurrencyConflict");
        }

        return new Result(number, null);
    }

    /// <summary>The latest published version, if any.</summary>
    public static Task<StatementVersion?> LatestAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.StatementVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
