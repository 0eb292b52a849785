using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// Row locks on an inspection for the length of a transaction. Answer changes take the weaker lock
/// (they queue behind each other briefly), submission and review the stronger one: an answer saved
/// while the head submits is either in the submission or refused afterwards, never lost in between.
/// On SQLite every transaction holds the database's write lock from its start (BEGIN IMMEDIATE), so
/// reading the row inside the transaction is already exclusive.
/// </summary>
public static class InspectionLocks
{
    /// <summary>For changes to answers, actions and evidence (and the NotStarted → InProgress step).</summary>
    public static Task<Inspection?> ForAnswerAsync(AppDbContext db, Guid id, CancellationToken cancellationToken = default) => db.IsSqlite
        ? db.Inspections.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
        : db.Inspections.FromSql($"SELECT *, xmin FROM inspections WHERE id = {id} FOR NO KEY UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <summary>For submission and review: waits for answer changes in flight, and blocks new ones until the commit.</summary>
    public static Task<Inspection?> ForStatusChangeAsync(AppDbContext db, Guid id, CancellationToken cancellationToken = default) => db.IsSqlite
        ? db.Inspections.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
        : db.Inspections.FromSql($"SELECT *, xmin FROM inspections WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
