using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// The compliance officer's review of a submitted inspection: accept (承認), or return (差戻し)
/// with comments on the items concerned and an overall comment, which reopens it for the
/// department with the comments shown on each item. Each step enters the history with who and when.
/// The form carries the inspection's version: a second reviewer acting on the same submission is refused.
/// </summary>
public sealed class ReviewInspection(AppDbContext db, InspectionNotifications news, CurrentActor actor, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int MaxCommentLength = 4000;

    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    public async Task<Result> AcceptAsync(ClaimsPrincipal user, Guid inspectionId, uint version, string? comment, CancellationToken cancellationToken = default)
    {
        var overall = (comment ?? "").Trim();
        return await DecideAsync(user, inspectionId, version,
            overall.Length > MaxCommentLength ? [l["Validation.MaxLength", l["Field.ReviewComment"], MaxCommentLength]] : [],
            (inspection, by, at, _) => Task.FromResult(inspection.Accept(by, actor.Name, overall, at)), cancellationToken);
    }

    /// <param name="itemComments">Comments by check item id; an empty one clears that item's earlier comment.</param>
    public async Task<Result> ReturnAsync(
        ClaimsPrincipal user, Guid inspectionId, uint version, string? comment, IReadOnlyDictionary<Guid, string?> itemComments, CancellationToken cancellationToken = default)
    {
        var overall = (comment ?? "").Trim();
        var perItem = itemComments.ToDictionary(p => p.Key, p => (p.Value ?? "").Trim());
        var errors = new List<string>();
        if (overall.Length > MaxCommentLength || perItem.Values.Any(c => c.Length > MaxCommentLength))
        {
            errors.Add(l["Validation.MaxLength", l["Field.ReviewComment"], MaxCommentLength]);
        }

        return await DecideAsync(user, inspectionId, version, errors, async (inspection, by, at, cancel) =>
        {
            // Loading the answers (tracked) fills inspection.Answers, whose review comments Return sets.
            await db.Answers.Where(a => a.InspectionId == inspection.Id).LoadAsync(cancel);
            return inspection.Return(overall, perItem, by, actor.Name, at);
        }, cancellationToken);
    }

    private async Task<Result> DecideAsync(
        ClaimsPrincipal user, Guid inspectionId, uint version, List<string> errors,
        Func<Inspection, Guid?, DateTimeOffset, CancellationToken, Task<string?>> decide, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = await InspectionLocks.ForStatusChangeAsync(db, inspectionId, cancellationToken);
        if (inspection is null)
        {
            return new Result(InspectionChange.NotFound, []);
        }

        if (!user.IsInRole(Roles.ComplianceOfficer))
        {
            return new Result(InspectionChange.Forbidden, []);
        }

        if (inspection.Version != version)
        {
            return new Result(InspectionChange.Conflict, [l["Common.ConcurrencyConflict"]]);
        }

        if (Infrastructure.Authorization.SeparationOfDuties.RefusesReview(user, inspection.DepartmentId) is { } refusal)
        {
            return new Result(InspectionChange.Locked, [l[refusal]]);
        }

        if (!inspection.AwaitsReview)
        {
            return new Result(InspectionChange.Locked, [l["Review.NotAwaitingReview"]]);
        }

        if (errors.Count > 0)
        {
            return new Result(InspectionChange.Invalid, errors);
        }

        if (await decide(inspection, DepartmentScope.UserId(user), time.GetUtcNow(), cancellationToken) is { } refused)
        {
            return new Result(InspectionChange.Invalid, [l[refused]]);
        }

        await db.SaveChangesAsync(cancellationToken);
        await InspectionScores.RecomputeAsync(db, inspection.Id, cancellationToken);
        await news.ReviewedAsync(inspection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(InspectionChange.Done, []);
    }
}
