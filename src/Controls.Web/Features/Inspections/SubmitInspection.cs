using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Submission with the department head's sign-off (提出). Refused, with the list of what is
/// missing, until every item is answered, every partial/no/not-applicable answer has its comment
/// and every partial/no answer its improvement action, and while no EXT-1 item stays "not applicable"
/// when the department's ledger lists data handled abroad (answered before the entry was added). Delegates answer but cannot sign off.
/// On submission the inspection is locked for answering and the step enters its history.
/// </summary>
public sealed class SubmitInspection(AppDbContext db, InspectionAccess access, LedgerMeasureContext ledger, InspectionNotifications news, CurrentActor actor, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public sealed record Missing(Guid CheckItemId, string Code, AnswerGap Gap);

    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors, IReadOnlyList<Missing> Missing)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    /// <summary>What still stands between the inspection and its submission, in catalog order.</summary>
    public async Task<List<Missing>> MissingAsync(Inspection inspection, CancellationToken cancellationToken = default)
    {
        var items = await InspectionContent.ItemsInScope(db, inspection.CatalogVersionId, inspection.MeasureCodes, inspection.Simplified)
            .OrderBy(c => c.Measure.SortOrder).ThenBy(c => c.SortOrder)
            .Select(c => new
            {
                c.Id,
                c.Code,
                Measure = c.Measure.Code,
                Answer = db.Answers.Where(a => a.InspectionId == inspection.Id && a.CheckItemId == c.Id).Select(a => new { a.Value, a.Comment }).FirstOrDefault(),
                HasAction = db.CorrectiveActions.Any(a => a.InspectionId == inspection.Id && a.CheckItemId == c.Id),
            })
            .ToListAsync(cancellationToken);
        var missing = new List<Missing>();
        IReadOnlyList<string>? abroad = null;
        foreach (var item in items)
        {
            missing.AddRange(Answer.GapsOf(item.Answer?.Value, item.Answer?.Comment, item.HasAction).Select(gap => new Missing(item.Id, item.Code, gap)));
            if (item.Answer?.Value == AnswerValue.NotApplicable && item.Measure == LedgerEntry.ForeignEnvironmentMeasure
                && LedgerEntry.ForbidsNotApplicable(item.Measure, abroad ??= await ledger.CountriesAbroadAsync(inspection.DepartmentId, cancellationToken)))
            {
                missing.Add(new Missing(item.Id, item.Code, AnswerGap.LedgerApplies));
            }
        }

        return missing;
    }

    public async Task<Result> SubmitAsync(ClaimsPrincipal user, Guid inspectionId, bool signedOff, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = await InspectionLocks.ForStatusChangeAsync(db, inspectionId, cancellationToken);
        if (inspection is null || !await access.CanSeeAsync(user, inspection, cancellationToken))
        {
            return new Result(InspectionChange.NotFound, [], []);
        }

        if (!inspection.IsOpen)
        {
            return new Result(InspectionChange.Locked, [l["Inspections.Locked"]], []);
        }

        if (!InspectionAccess.CanSignOff(user, inspection))
        {
            // A delegate is told why; anyone else has no business here.
            return await access.AnswersForAsync(user, inspection, cancellationToken)
                ? new Result(InspectionChange.Invalid, [l["Submit.HeadOnly"]], [])
                : new Result(InspectionChange.Forbidden, [], []);
        }

        var missing = await MissingAsync(inspection, cancellationToken);
        var refusals = inspection.Submit(missing.Count, signedOff, DepartmentScope.UserId(user), actor.Name, time.GetUtcNow());
        if (refusals.Count > 0)
        {
            // (The number of gaps fills "Submit.Incomplete"; the other messages take no argument.)
            return new Result(InspectionChange.Invalid, [.. refusals.Select(key => l[key, missing.Count].Value)], missing);
        }

        await db.SaveChangesAsync(cancellationToken);
        await InspectionScores.RecomputeAsync(db, inspection.Id, cancellationToken);
        await news.SubmittedAsync(inspection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(InspectionChange.Done, [], []);
    }
}
