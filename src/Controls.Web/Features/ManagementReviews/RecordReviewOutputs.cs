using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.ManagementReviews;

/// <summary>
/// Records a management review's outputs and gives them to owners as corrective actions: the output,
/// the action and the owner's notice are written together or not at all. Refusals are return values.
/// </summary>
public sealed class RecordReviewOutputs(AppDbContext db, Notifier notifier, TimeProvider time)
{
    public enum Outcome
    {
        Done,
        NotFound,
        /// <summary>The owner is not an active user with a department.</summary>
        UnknownOwner,
        /// <summary>The due date is before the review was held.</summary>
        DueBeforeReview,
        /// <summary>Someone gave this output an action meanwhile (or added an output at the same moment).</summary>
        Conflict,
    }

    /// <summary>Adds an output; with an owner and a due date it is given to them at once.</summary>
    public async Task<Outcome> AddAsync(Guid reviewId, ManagementReviewOutputKind kind, string text, Guid? ownerId, DateOnly? dueOn, Guid by,
        CancellationToken cancellationToken = default)
    {
        var review = await db.ManagementReviews.Include(r => r.Outputs).SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return Outcome.NotFound;
        }

        var owner = ownerId is { } id ? await OwnerAsync(id, cancellationToken) : null;
        if (ownerId is not null && owner is null)
        {
            return Outcome.UnknownOwner;
        }

        if (dueOn is { } due && due < review.HeldOn)
        {
            return Outcome.DueBeforeReview;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var output = review.AddOutput(kind, text, by, now);
        db.ManagementReviewOutputs.Add(output);
        var action = owner is not null && dueOn is { } dueDate ? output.TurnIntoAction(owner.Value.DepartmentId, owner.Value.Id, dueDate, by, now) : null;
        if (action is not null)
        {
            db.CorrectiveActions.Add(action);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict;
        }

        if (action is not null)
        {
            await NotifyAsync(review, output, action, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Gives an output that has no action yet to an owner, due on a date.</summary>
    public async Task<Outcome> AssignAsync(Guid reviewId, Guid outputId, uint version, Guid ownerId, DateOnly dueOn, Guid by, CancellationToken cancellationToken = default)
    {
        var output = await db.ManagementReviewOutputs.Include(o => o.ManagementReview)
            .SingleOrDefaultAsync(o => o.Id == outputId && o.ManagementReviewId == reviewId, cancellationToken);
        if (output is null)
        {
            return Outcome.NotFound;
        }

        if (await OwnerAsync(ownerId, cancellationToken) is not { } owner)
        {
            return Outcome.UnknownOwner;
        }

        switch (output.CheckAction(dueOn, output.ManagementReview.HeldOn))
        {
            case ManagementReviewOutput.ActionRefusal.AlreadyHasAction:
                return Outcome.Conflict;
            case ManagementReviewOutput.ActionRefusal.DueBeforeReview:
                return Outcome.DueBeforeReview;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var action = output.TurnIntoAction(owner.DepartmentId, owner.Id, dueOn, by, time.GetUtcNow());
        db.CorrectiveActions.Add(action);
        db.Entry(output).Property(o => o.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict;
        }

        await NotifyAsync(output.ManagementReview, output, action, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The people an output may be given to: active users with a department, as "department — name".</summary>
    public async Task<List<(Guid Id, string Label)>> OwnerChoicesAsync(bool english, CancellationToken cancellationToken = default) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId != null)
            .OrderBy(u => u.Department!.Code).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Department!.NameJa, u.Department.NameEn })
            .ToListAsync(cancellationToken))
        .Select(u => (u.Id, $"{(english ? u.NameEn : u.NameJa)} — {u.DisplayName}"))
        .ToList();

    private async Task<(Guid Id, Guid DepartmentId)?> OwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive && u.DepartmentId != null)
            .Select(u => new { u.Id, u.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.Id, owner.DepartmentId!.Value);
    }

    private async Task NotifyAsync(ManagementReview review, ManagementReviewOutput output, CorrectiveAction action, CancellationToken cancellationToken) =>
        await notifier.NotifyAsync(action.OwnerId, $"management-review-output:{output.Id}", NotificationKinds.ManagementReview,
            "ManagementReviews.Notify.Subject", "ManagementReviews.Notify.Body",
            [review.HeldOn.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), output.Text, action.DueOn.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)],
            "/Actions", cancellationToken);
}
