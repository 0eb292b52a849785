using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Saves one answer (回答) of an inspection, as the department answers item by item. A comment is
/// required for partial, no and not applicable. The form carries the answer's version: if someone
/// else saved the same answer since, the save is refused as a conflict instead of overwriting.
/// The first answer moves the inspection from NotStarted to InProgress. "Not applicable" is refused
/// on the items of EXT-1 when the department's ledger lists data handled abroad (LedgerEntry.ForbidsNotApplicable).
/// </summary>
public sealed class SaveAnswer(AppDbContext db, InspectionAccess access, LedgerMeasureContext ledger, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int MaxCommentLength = 4000;

    public sealed record Request(Guid InspectionId, Guid CheckItemId, string? Value, string? Comment, uint Version);

    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors, AnswerValue? Value = null, uint Version = 0)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    public async Task<Result> SaveAsync(ClaimsPrincipal user, Request request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = await InspectionLocks.ForAnswerAsync(db, request.InspectionId, cancellationToken);
        if (inspection is null || !await access.CanSeeAsync(user, inspection, cancellationToken)
            || !await InspectionContent.ItemsInScope(db, inspection.CatalogVersionId, inspection.MeasureCodes, inspection.Simplified).AnyAsync(c => c.Id == request.CheckItemId, cancellationToken))
        {
            return new Result(InspectionChange.NotFound, []);
        }

        if (!await access.AnswersForAsync(user, inspection, cancellationToken))
        {
            return new Result(InspectionChange.Forbidden, []);
        }

        if (!inspection.IsOpen)
        {
            return new Result(InspectionChange.Locked, [l["Inspections.Locked"]]);
        }

        var value = Answer.ParseValue(request.Value);
        var comment = (request.Comment ?? "").Trim();
        var errors = new List<string>();
        if (value is null)
        {
            errors.Add(string.IsNullOrEmpty(request.Value) ? l["Answers.ValueRequired"] : l["Answers.UnknownValue"]);
        }
        else if (Answer.NeedsComment(value.Value) && comment.Length == 0)
        {
            errors.Add(l["Answers.CommentRequired", l["AnswerValue." + value]]);
        }

        if (value == AnswerValue.NotApplicable && await ForeignCountriesAsync(inspection, request.CheckItemId, cancellationToken) is { Count: > 0 } countries)
        {
            var language = Languages.Current;
            errors.Add(l["Answers.ForeignEnvironmentApplies", string.Join(language == Languages.English ? ", " : "、", countries.Select(c => Countries.Name(c, language)))]);
        }

        if (comment.Length > MaxCommentLength)
        {
            errors.Add(l["Validation.MaxLength", l["Field.Comment"], MaxCommentLength]);
        }

        if (errors.Count > 0)
        {
            return new Result(InspectionChange.Invalid, errors);
        }

        var answer = await db.Answers.SingleOrDefaultAsync(a => a.InspectionId == inspection.Id && a.CheckItemId == request.CheckItemId, cancellationToken);
        if (answer is null)
        {
            if (request.Version != 0)
            {
                return Conflict();
            }

            answer = new Answer { Id = Guid.NewGuid(), InspectionId = inspection.Id, CheckItemId = request.CheckItemId };
            db.Answers.Add(answer);
        }
        else
        {
            db.Entry(answer).Property(a => a.Version).OriginalValue = request.Version;
        }

        answer.Give(value, comment, DepartmentScope.UserId(user), time.GetUtcNow());

        // (Saving exactly what is stored already overwrites nothing: it succeeds whatever the form's version.)

        inspection.StartAnswering();

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            // Someone else gave the first answer to this item at the same moment.
            return Conflict();
        }

        return new Result(InspectionChange.Done, [], answer.Value, answer.Version);
    }

    /// <summary>The countries abroad in the department's ledger when the item belongs to EXT-1 (empty otherwise).</summary>
    private async Task<IReadOnlyList<string>> ForeignCountriesAsync(Inspection inspection, Guid checkItemId, CancellationToken cancellationToken)
    {
        var measure = await db.CheckItems.Where(c => c.Id == checkItemId).Select(c => c.Measure.Code).SingleAsync(cancellationToken);
        if (measure != LedgerEntry.ForeignEnvironmentMeasure)
        {
            return [];
        }

        var countries = await ledger.CountriesAbroadAsync(inspection.DepartmentId, cancellationToken);
        return LedgerEntry.ForbidsNotApplicable(measure, countries) ? countries : [];
    }

    private Result Conflict() => new(InspectionChange.Conflict, [l["Common.ConcurrencyConflict"]]);
}
