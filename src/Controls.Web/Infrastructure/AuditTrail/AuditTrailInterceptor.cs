using System.Text.Json;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// Records every insert, update and delete of domain records in the same transaction as the
/// change itself: who, when (UTC), entity, key, and each changed field's old and new value. Every
/// new entry (also those added by other code) is linked into the hash chain (<see cref="AuditTrailChain"/>):
/// when there is no transaction yet, one is begun here, the chain's lock taken and the last hash
/// read, and the transaction is committed once the changes are saved (rolled back if they fail).
/// </summary>
public sealed class AuditTrailInterceptor(CurrentActor actor, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Who is acting, for entries written outside SaveChanges (<see cref="AuditTrailRecords"/>).</summary>
    internal CurrentActor Actor => actor;

    internal TimeProvider Time => time;

    /// <summary>The transactions this interceptor began, per context (contexts made by <c>Another()</c> share it).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> _owned = [];

    /// <summary>Operational records that are not domain history (notifications and the outbox are their own record).</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditTrailEntry), typeof(AuditTrailVerification), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(JobRun), typeof(IdentityUserToken<Guid>),
        typeof(Notification), typeof(NotificationStep), typeof(OutboxMessage),
        // An inspection's history is itself a record of who did what, when.
        typeof(InspectionEvent),
    ];

    /// <summary>Fields whose change is recorded, but never their values.</summary>
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp"];

    /// <summary>Bookkeeping fields that change on every write and say nothing to a reader.</summary>
    private static readonly HashSet<string> Noise = ["ConcurrencyStamp", "Version"];

    /// <summary>Changes of records of this type are recorded.</summary>
    public static bool IsAudited(Type type) => !NotAudited.Contains(type);

    /// <summary>Changes of this field are recorded (bookkeeping fields are not).</summary>
    public static bool IsRecorded(string field) => !Noise.Contains(field);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        if (eventData.Context is AppDbContext db && NewEntries(db) is { Count: > 0 } entries)
        {
            if (db.Database.CurrentTransaction is null)
            {
                _owned.AddOrUpdate(db, db.Database.BeginTransaction());
            }

            try
            {
                AuditTrailChain.Lock(db);
                AuditTrailChain.Link(entries, AuditTrailChain.Last(db));
            }
            catch
            {
                Abandon(db);
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        if (eventData.Context is AppDbContext db && NewEntries(db) is { Count: > 0 } entries)
        {
            if (db.Database.CurrentTransaction is null)
            {
                _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            }

            try
            {
                await AuditTrailChain.LockAsync(db, cancellationToken);
                AuditTrailChain.Link(entries, await AuditTrailChain.LastAsync(db, cancellationToken));
            }
            catch
            {
                Abandon(db);
                throw;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Rolls back (by disposing) a transaction begun here for changes that were not saved.</summary>
    private void Abandon(DbContext? context)
    {
        if (context is not null && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            transaction.Dispose();
        }
    }

    /// <summary>Entries about to be inserted, in the order they were added.</summary>
    private static List<AuditTrailEntry> NewEntries(DbContext context) => context.ChangeTracker.Entries<AuditTrailEntry>()
        .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .ToList();

        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            context.Add(new AuditTrailEntry
            {
                At = now,
                UserId = actor.UserId,
                Actor = actor.Name,
                Entity = entry.Metadata.ClrType.Name.Replace("`1", "", StringComparison.Ordinal),
                EntityKey = Key(entry),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                Changes = JsonSerializer.Serialize(changes),
            });
        }
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Noise.Contains(name))
            {
                continue;
            }

            var oldValue = entry.State == EntityState.Added ? null : property.OriginalValue;
            var newValue = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(oldValue, newValue)))
            {
                continue;
            }

            if (entry.State == EntityState.Added && newValue is null)
            {
                continue;
            }

            changes[name] = Secret.Contains(name)
                ? new { changed = true }
                : new { old = Plain(oldValue), @new = Plain(newValue) };
        }

        return changes;
    }

    private static object? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        System.Collections.IEnumerable list when value is not string => list.Cast<object?>().ToList(),
        _ => value,
    };

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join("/", key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return property.IsTemporary ? "(new)" : Convert.ToString(property.CurrentValue, System.Globalization.CultureInfo.InvariantCulture);
        }));
    }
}
