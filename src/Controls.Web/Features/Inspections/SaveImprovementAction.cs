using System.Globalization;
using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// The improvement action (改善計画) of a "partial" or "no" answer: what will be done, by whom
/// (a user of the department), by when. One per check item of an inspection, a CorrectiveAction
/// with Source=Inspection; added, changed or removed by the department until it submits.
/// </summary>
public sealed class SaveImprovementAction(
    AppDbContext db, InspectionAccess access, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int MaxActionLength = 4000;

    /// <param name="ActionId">The action being changed; null to add one.</param>
    /// <param name="DueOn">yyyy-MM-dd, as a date input sends it.</param>
    public sealed record Request(Guid InspectionId, Guid CheckItemId, Guid? ActionId, uint Version, string? Action, Guid? OwnerId, string? DueOn);

    public sealed record Result(InspectionChange Outcome, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Outcome == InspectionChange.Done;
    }

    /// <summary>The people an action of this department can be given to: its active users.</summary>
    public static IQueryable<AppUser> PossibleOwners(AppDbContext db, Guid departmentId) =>
        db.Users.Where(u => u.DepartmentId == departmentId && u.IsActive);

    public async Task<Result> SaveAsync(ClaimsPrincipal user, Request request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (inspection, refused) = await OpenForChangeAsync(user, request.InspectionId, request.CheckItemId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        CorrectiveAction? action = null;
        if (request.ActionId is { } actionId)
        {
            action = await db.CorrectiveActions.SingleOrDefaultAsync(
                a => a.Id == actionId && a.InspectionId == inspection!.Id && a.CheckItemId == request.CheckItemId, cancellationToken);
            if (action is null)
            {
                // Removed by someone else since the form was shown.
                return Conflict();
            }
        }
        else if (await db.CorrectiveActions.AnyAsync(a => a.InspectionId == inspection!.Id && a.CheckItemId == request.CheckItemId, cancellationToken))
        {
            // Added by someone else since the form was shown.
            return Conflict();
        }

        var errors = new List<string>();
        var text = (request.Action ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(l["Validation.Required", l["Field.ActionText"]]);
        }
        else if (text.Length > MaxActionLength)
        {
            errors.Add(l["Validation.MaxLength", l["Field.ActionText"], MaxActionLength]);
        }

        if (request.OwnerId is not { } ownerId)
        {
            errors.Add(l["Validation.Required", l["Field.Owner"]]);
        }
        else if (ownerId != action?.OwnerId && !await PossibleOwners(db, inspection!.DepartmentId).AnyAsync(u => u.Id == ownerId, cancellationToken))
        {
            errors.Add(l["Actions.UnknownOwner"]);
        }

        DateOnly dueOn = default;
        if (string.IsNullOrWhiteSpace(request.DueOn))
        {
            errors.Add(l["Validation.Required", l["Field.DueOn"]]);
        }
        else if (!DateOnly.TryParseExact(request.DueOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dueOn))
        {
            errors.Add(l["Validation.Date", l["Field.DueOn"]]);
        }
        else if (dueOn != action?.DueOn && dueOn < Today)
        {
            errors.Add(l["Actions.DueInPast"]);
        }

        if (action is null && !Answer.NeedsAction(await AnswerValueAsync(inspection!.Id, request.CheckItemId, cancellationToken)))
        {
            errors.Add(l["Actions.OnlyForPartialOrNo"]);
        }

        if (errors.Count > 0)
        {
            return new Result(InspectionChange.Invalid, errors);
        }

        if (action is null)
        {
            action = new CorrectiveAction
            {
                Id = Guid.NewGuid(),
                Source = CorrectiveActionSource.Inspection,
                DepartmentId = inspection!.DepartmentId,
                InspectionId = inspection.Id,
                CheckItemId = request.CheckItemId,
                Status = CorrectiveActionStatus.Open,
                CreatedAt = time.GetUtcNow(),
                CreatedById = DepartmentScope.UserId(user) ?? Guid.Empty,
            };
            db.CorrectiveActions.Add(action);
        }
        else
        {
            db.Entry(action).Property(a => a.Version).OriginalValue = request.Version;
        }

        action.Action = text;
        action.OwnerId = request.OwnerId!.Value;
        action.DueOn = dueOn;
        return await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Removes an item's improvement action (e.g. after the answer became "yes"), while the inspection is open.</summary>
    public async Task<Result> RemoveAsync(ClaimsPrincipal user, Guid inspectionId, Guid actionId, uint version, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var action = await db.CorrectiveActions.SingleOrDefaultAsync(
            a => a.Id == actionId && a.InspectionId == inspectionId && a.Source == CorrectiveActionSource.Inspection, cancellationToken);
        var (_, refused) = await OpenForChangeAsync(user, inspectionId, action?.CheckItemId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (action is null)
        {
            return new Result(InspectionChange.NotFound, []);
        }

        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        db.CorrectiveActions.Remove(action);
        return await CommitAsync(transaction, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    private Task<AnswerValue?> AnswerValueAsync(Guid inspectionId, Guid checkItemId, CancellationToken cancellationToken) =>
        db.Answers.Where(a => a.InspectionId == inspectionId && a.CheckItemId == checkItemId).Select(a => a.Value).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Locks the inspection; refuses unless this user answers for it, it is open, and the item is one of its items.</summary>
    private async Task<(Inspection? Inspection, Result? Refused)> OpenForChangeAsync(
        ClaimsPrincipal user, Guid inspectionId, Guid? checkItemId, CancellationToken cancellationToken)
    {
        var inspection = await InspectionLocks.ForAnswerAsync(db, inspectionId, cancellationToken);
        if (inspection is null || !await access.CanSeeAsync(user, inspection, cancellationToken))
        {
            return (null, new Result(InspectionChange.NotFound, []));
        }

        if (checkItemId is { } itemId
            && !await InspectionContent.ItemsInScope(db, inspection.CatalogVersionId, inspection.MeasureCodes, inspection.Simplified).AnyAsync(c => c.Id == itemId, cancellationToken))
        {
            return (null, new Result(InspectionChange.NotFound, []));
        }

        if (!await access.AnswersForAsync(user, inspection, cancellationToken))
        {
            return (null, new Result(InspectionChange.Forbidden, []));
        }

        return inspection.IsOpen ? (inspection, null) : (null, new Result(InspectionChange.Locked, [l["Inspections.Locked"]]));
    }

    private async Task<Result> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(InspectionChange.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
    }

    private Result Conflict() => new(InspectionChange.Conflict, [l["Common.ConcurrencyConflict"]]);
}
