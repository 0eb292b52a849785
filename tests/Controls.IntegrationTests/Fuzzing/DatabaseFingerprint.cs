using System.Text.Json;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// A cheap fingerprint of what the app keeps: the row count of every table of the model (a row
/// added or removed anywhere, including half of a record), and the audit trail's entries of changed
/// records since the last look (a field updated by SaveChanges). Left out: the data-protection
/// keys, the job runs (the scheduler's own bookkeeping) and the audit trail's count itself, entries
/// that record a sign-in or a refused request rather than a change, and entries that only record a
/// user's failed-sign-in counter or lockout (a wrong password is refused and counted, by design).
/// </summary>
public sealed class DatabaseFingerprint
{
    private static readonly HashSet<string> LockoutFields = ["AccessFailedCount", "LockoutEnd"];
    private readonly string _connectionString;
    private readonly string _countSql;
    private long _lastAuditId;

    public DatabaseFingerprint(string connectionString)
    {
        _connectionString = connectionString;
        using var db = TestDatabase.Context(connectionString);
        var skipped = new[] { typeof(DataProtectionKey), typeof(JobRun), typeof(AuditTrailEntry) };
        var tables = db.Model.GetEntityTypes()
            .Where(t => !skipped.Contains(t.ClrType) && t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => (t.GetSchema(), t.GetTableName()!))
            .Distinct()
            .OrderBy(t => t.Item2, StringComparer.Ordinal)
            .ToList();
        _countSql = "SELECT " + string.Join(" || ',' || ", tables.Select(t =>
            $"CAST((SELECT COUNT(*) FROM {(t.Item1 is null ? "" : $"\"{t.Item1}\".")}\"{t.Item2}\") AS TEXT)"));
    }

    /// <summary>The row counts now, and the audit-trail entries of changed records written since the last snapshot.</summary>
    public sealed record Snapshot(string Counts, IReadOnlyList<string> Changes)
    {
        /// <summary>What changed between an earlier snapshot and this one (empty: nothing).</summary>
        public string Since(Snapshot before) =>
            (Counts == before.Counts ? "" : $"row counts {before.Counts} -> {Counts} ") + string.Join("; ", Changes);
    }

    public async Task<Snapshot> TakeAsync()
    {
        await using var connection = TestDatabase.Open(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _countSql;
        var counts = (string)(await command.ExecuteScalarAsync())!;

        await using var db = TestDatabase.Context(_connectionString);
        var entries = await db.AuditTrail.AsNoTracking().Where(e => e.Id > _lastAuditId).OrderBy(e => e.Id).ToListAsync();
        if (entries.Count > 0)
        {
            _lastAuditId = entries[^1].Id;
        }

        return new Snapshot(counts, entries.Where(e => IsWrite(e) && !OnlyLockout(e)).Select(e => $"{e.Action} {e.Entity} {e.EntityKey}").ToList());
    }

    /// <summary>A change of a record; sign-ins, refused sign-ins and 403s are recorded too, but change nothing.</summary>
    private static bool IsWrite(AuditTrailEntry entry) => entry.Action is AuditAction.Insert or AuditAction.Update or AuditAction.Delete;

    private static bool OnlyLockout(AuditTrailEntry entry)
    {
        if (entry.Entity != nameof(AppUser) || entry.Action != AuditAction.Update)
        {
            return false;
        }

        using var changes = JsonDocument.Parse(entry.Changes);
        return changes.RootElement.EnumerateObject().All(p => LockoutFields.Contains(p.Name));
    }
}
