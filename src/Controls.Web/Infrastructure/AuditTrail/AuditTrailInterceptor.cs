using System.Text.Json;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// Records every insert, update and delete of domain records in the same transaction as the
/// change itself: who, when (UTC), entity, key, and each changed field's old and new value.
/// </summary>
public sealed class AuditTrailInterceptor(CurrentActor actor, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Operational records that are not domain history (notifications and the outbox are their own record).</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditTrailEntry), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(JobRun), typeof(IdentityUserToken<Guid>),
        typeof(Notification), typeof(OutboxMessage),
        // An inspection's history is itself a record of who did what, when.
        typeof(InspectionEvent),
    ];

    /// <summary>Fields whose change is recorded, but never their values.</summary>
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp"];

    /// <summary>Bookkeeping fields that change on every write and say nothing to a reader.</summary>
    private static readonly HashSet<string> Noise = ["ConcurrencyStamp", "Version"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

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
