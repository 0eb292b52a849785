using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// The audit trail's hash chain. Each entry gets the next sequence number, the previous entry's
/// hash and <see cref="HashOf"/> its own content and that previous hash. Appends are serialised and
/// made in the transaction of the change they record: on PostgreSQL a transaction-level advisory
/// lock is taken before the last hash is read (several app nodes), on SQLite the transaction
/// already holds the database's write lock from its start (BEGIN IMMEDIATE).
/// </summary>
public static class AuditTrailChain
{
    /// <summary>The previous hash of entry 1.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>pg_advisory_xact_lock key of the chain's head ("AuditChn").</summary>
    public const long LockKey = 0x4175_6469_7443_686E;

    public readonly record struct Head(long Sequence, string Hash)
    {
        public static readonly Head Empty = new(0, Genesis);
    }

    /// <summary>
    /// An instant as both providers store it exactly: UTC, whole microseconds (PostgreSQL's
    /// timestamptz precision), so the hashed value is the stored one.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the previous hash and every field of the entry, each written as
    /// its length and its text so no two different entries serialise alike: sequence, time (UTC
    /// ticks), user id, actor, entity, key, action, changes.
    /// </summary>
    public static string HashOf(long sequence, string previousHash, DateTimeOffset at, Guid? userId,
        string actor, string entity, string entityKey, string action, string changes)
    {
        var text = new StringBuilder(256 + changes.Length);
        Field(text, previousHash);
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, at.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, userId?.ToString("D") ?? "");
        Field(text, actor);
        Field(text, entity);
        Field(text, entityKey);
        Field(text, action);
        Field(text, changes);
        var content = text.ToString();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(content.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(content, buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string HashOf(AuditTrailEntry entry) => HashOf(entry.Sequence ?? 0, entry.PreviousHash ?? "", entry.At,
        entry.UserId, entry.Actor, entry.Entity, entry.EntityKey, entry.Action.ToString(), entry.Changes);

    private static void Field(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');

    /// <summary>
    /// Gives the entries the next places after <paramref name="head"/>, in list order; returns the
    /// new head. New entries' times are cut to what the database keeps (<see cref="Instant"/>) first.
    /// </summary>
    public static Head Link(IEnumerable<AuditTrailEntry> entries, Head head, bool stored = false)
    {
        foreach (var entry in entries)
        {
            if (!stored)
            {
                entry.At = Instant(entry.At);
            }

            entry.Sequence = head.Sequence + 1;
            entry.PreviousHash = head.Hash;
            entry.Hash = HashOf(entry);
            head = new Head(entry.Sequence.Value, entry.Hash);
        }

        return head;
    }

    /// <summary>Takes the chain's lock for the rest of the current transaction (PostgreSQL; SQLite's transaction already holds the write lock).</summary>
    public static void Lock(AppDbContext db)
    {
        if (!db.IsSqlite)
        {
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({LockKey})");
        }
    }

    public static async Task LockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }
    }

    private static IQueryable<Head> LastQuery(AppDbContext db) => db.AuditTrail.AsNoTracking()
        .Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
        .Select(e => new Head(e.Sequence!.Value, e.Hash!));

    /// <summary>The last chained entry (under the lock).</summary>
    public static Head Last(AppDbContext db) => LastQuery(db).FirstOrDefault() is { Hash: not null } head ? head : Head.Empty;

    public static async Task<Head> LastAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await LastQuery(db).FirstOrDefaultAsync(cancellationToken) is { Hash: not null } head ? head : Head.Empty;

    /// <summary>
    /// Once, on a database upgraded from before the chain: while no entry has a sequence number,
    /// chains every existing entry in the order written (by id), in one transaction. Afterwards an
    /// entry without a sequence number is one inserted outside the app, and verification names it.
    /// </summary>
    public static async Task ChainExistingEntriesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.AuditTrail.AnyAsync(e => e.Sequence != null, cancellationToken)
            || !await db.AuditTrail.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, cancellationToken);
        if (await db.AuditTrail.AnyAsync(e => e.Sequence != null, cancellationToken))
        {
            return;   // another node did it first
        }

        var head = Head.Empty;
        var after = 0L;
        while (true)
        {
            // As stored (not as a tracked instance may hold them): the hash is over the stored values.
            var batch = await db.AuditTrail.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            head = Link(batch, head, stored: true);
            foreach (var entry in batch)
            {
                await db.AuditTrail.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Sequence, entry.Sequence)
                    .SetProperty(e => e.PreviousHash, entry.PreviousHash)
                    .SetProperty(e => e.Hash, entry.Hash), cancellationToken);
            }

            after = batch[^1].Id;
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
