using System.Text.Json;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// Trail entries written directly, for what SaveChanges does not see: writes by ExecuteUpdate,
/// ExecuteDelete or SQL (<see cref="RecordBulkAsync"/>, <see cref="RecordAsync"/>), sign-ins and
/// refused requests. Each is appended to the chain at once, without touching the context's
/// tracked changes: in the caller's transaction when there is one (so it commits or rolls back
/// with the write it records), otherwise in a transaction of its own.
/// </summary>
public static class AuditTrailRecords
{
    /// <summary>A write to many rows (or by SQL): what it did, to how many rows.</summary>
    public static Task RecordBulkAsync(AppDbContext db, string entity, AuditAction action, string description, int count,
        CancellationToken cancellationToken = default) =>
        RecordAsync(db, entity, "(bulk)", action, new Dictionary<string, object?> { ["description"] = description, ["count"] = count }, cancellationToken);

    /// <summary>One entry as the acting user (or "system"), with the given fields.</summary>
    public static Task RecordAsync(AppDbContext db, string entity, string key, AuditAction action,
        IReadOnlyDictionary<string, object?> fields, CancellationToken cancellationToken = default)
    {
        var interceptor = Interceptor(db);
        return AppendAsync(db, new AuditTrailEntry
        {
            At = (interceptor?.Time ?? TimeProvider.System).GetUtcNow(),
            UserId = interceptor?.Actor.UserId,
            Actor = interceptor?.Actor.Name ?? "system",
            Entity = entity,
            EntityKey = key,
            Action = action,
            Changes = JsonSerializer.Serialize(fields),
        }, cancellationToken);
    }

    /// <summary>Links the entry after the chain's last and inserts it (under the chain's lock, see <see cref="AuditTrailChain"/>).</summary>
    public static async Task AppendAsync(AppDbContext db, AuditTrailEntry entry, CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditTrailChain.LockAsync(db, cancellationToken);
            AuditTrailChain.Link([entry], await AuditTrailChain.LastAsync(db, cancellationToken));
            var at = db.ForSql(entry.At);
            var action = entry.Action.ToString();
            if (entry.UserId is { } userId)
            {
                var user = db.ForSql(userId);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO audit_trail (at, user_id, actor, entity, entity_key, action, changes, sequence, previous_hash, hash)
                    VALUES ({at}, {user}, {entry.Actor}, {entry.Entity}, {entry.EntityKey}, {action}, {entry.Changes}, {entry.Sequence}, {entry.PreviousHash}, {entry.Hash})
                    """, cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO audit_trail (at, actor, entity, entity_key, action, changes, sequence, previous_hash, hash)
                    VALUES ({at}, {entry.Actor}, {entry.Entity}, {entry.EntityKey}, {action}, {entry.Changes}, {entry.Sequence}, {entry.PreviousHash}, {entry.Hash})
                    """, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The context's audit-trail interceptor: who is acting and the clock (none on a bare context).</summary>
    private static AuditTrailInterceptor? Interceptor(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditTrailInterceptor>().FirstOrDefault();
}
