using System.Data.Common;
using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.AuditTrail;

/// <summary>
/// Walks the audit trail's hash chain in the order written, in batches (constant memory), and
/// names the first entry that was altered, deleted or inserted; records each run
/// (<see cref="AuditTrailVerification"/>). The last successful run's final entry is a checkpoint:
/// a later run also finds a chain rewritten or cut short behind it.
/// </summary>
public sealed class VerifyAuditTrail(AppDbContext db, TimeProvider time, CurrentActor actor)
{
    public const int BatchSize = 10_000;

    public sealed record Result(bool Succeeded, long Checked, AuditTrailChain.Head Head, string Problem)
    {
        public string Message => Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"Verified {Checked} audit-trail entries: the chain is intact (last entry #{Head.Sequence}, hash {Head.Hash}).")
            : string.Create(CultureInfo.InvariantCulture, $"{Problem} ({Checked} entries before it are intact.)");
    }

    private sealed record Row(long Id, long Sequence, string? PreviousHash, string? Hash, DateTimeOffset At, Guid? UserId,
        string Actor, string Entity, string EntityKey, string Action, string Changes);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var checkpoint = await db.AuditTrailVerifications.AsNoTracking()
            .Where(v => v.Succeeded && v.HeadSequence != null).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        var result = await WalkAsync(checkpoint, cancellationToken);
        db.AuditTrailVerifications.Add(new AuditTrailVerification
        {
            At = time.GetUtcNow(),
            Actor = actor.Name,
            Succeeded = result.Succeeded,
            Checked = result.Checked,
            HeadSequence = result.Succeeded ? result.Head.Sequence : null,
            HeadHash = result.Succeeded ? result.Head.Hash : null,
            Problem = result.Problem.Length > 1000 ? result.Problem[..1000] : result.Problem,
        });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<Result> WalkAsync(AuditTrailVerification? checkpoint, CancellationToken cancellationToken)
    {
        var head = AuditTrailChain.Head.Empty;
        var lastId = 0L;
        Result Fail(string problem) => new(false, head.Sequence, head, problem);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            while (true)
            {
                var batch = await BatchAsync(connection, head.Sequence, cancellationToken);
                foreach (var row in batch)
                {
                    var expected = head.Sequence + 1;
                    if (row.Sequence < expected)
                    {
                        return Fail(Invariant($"Audit-trail entry id {row.Id} repeats sequence number #{row.Sequence}: it was inserted."));
                    }

                    if (row.Sequence > expected)
                    {
                        return Fail(expected == row.Sequence - 1
                            ? Invariant($"Audit-trail entry #{expected} is missing: it was deleted (the chain jumps from #{head.Sequence} to #{row.Sequence}, id {row.Id}).")
                            : Invariant($"Audit-trail entries #{expected} to #{row.Sequence - 1} are missing: they were deleted (the chain jumps from #{head.Sequence} to #{row.Sequence}, id {row.Id})."));
                    }

                    if (row.PreviousHash != head.Hash)
                    {
                        return Fail(Invariant($"Audit-trail entry #{row.Sequence} (id {row.Id}) does not follow entry #{head.Sequence} (id {lastId}): its previous hash does not match, so entry #{head.Sequence} was rewritten or an entry was inserted or deleted between them."));
                    }

                    if (AuditTrailChain.HashOf(row.Sequence, row.PreviousHash, row.At, row.UserId, row.Actor, row.Entity, row.EntityKey, row.Action, row.Changes) != row.Hash)
                    {
                        return Fail(Invariant($"Audit-trail entry #{row.Sequence} (id {row.Id}) was altered or forged: its content does not match its hash."));
                    }

                    if (checkpoint is { HeadSequence: { } verified } && verified == row.Sequence && checkpoint.HeadHash != row.Hash)
                    {
                        return Fail(Invariant($"Audit-trail entry #{row.Sequence} (id {row.Id}) is not the entry verified on {checkpoint.At:yyyy-MM-dd HH:mm:ss} UTC: the chain was rewritten up to it."));
                    }

                    head = new AuditTrailChain.Head(row.Sequence, row.Hash!);
                    lastId = row.Id;
                }

                if (batch.Count < BatchSize)
                {
                    break;
                }
            }

            if (checkpoint is { HeadSequence: { } last } && head.Sequence < last)
            {
                return Fail(Invariant($"Audit-trail entries #{head.Sequence + 1} to #{last} are missing: the chain ends at #{head.Sequence}, but the verification on {checkpoint.At:yyyy-MM-dd HH:mm:ss} UTC checked it up to #{last} (deleted at the end)."));
            }

            await using var outside = connection.CreateCommand();
            outside.CommandText = "SELECT id FROM audit_trail WHERE sequence IS NULL ORDER BY id LIMIT 1";
            if (await outside.ExecuteScalarAsync(cancellationToken) is { } unchained and not DBNull)
            {
                return Fail(Invariant($"Audit-trail entry id {Convert.ToInt64(unchained, CultureInfo.InvariantCulture)} is outside the chain (it has no sequence number): it was inserted."));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new Result(true, head.Sequence, head, "");
    }

    private async Task<List<Row>> BatchAsync(DbConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, sequence, previous_hash, hash, at, user_id, actor, entity, entity_key, action, changes
            FROM audit_trail WHERE sequence > @after ORDER BY sequence LIMIT @batch
            """;
        var afterParameter = command.CreateParameter();
        afterParameter.ParameterName = "@after";
        afterParameter.Value = after;
        command.Parameters.Add(afterParameter);
        var batchParameter = command.CreateParameter();
        batchParameter.ParameterName = "@batch";
        batchParameter.Value = BatchSize;
        command.Parameters.Add(batchParameter);

        var rows = new List<Row>(BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Instant(reader, 4),
                UserId(reader, 5),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8),
                Text(reader, 9),
                Text(reader, 10)));
        }

        return rows;
    }

    /// <summary>SQLite keeps UTC ticks, PostgreSQL a timestamptz. Anything else read as an instant that matches no hash.</summary>
    private DateTimeOffset Instant(DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return DateTimeOffset.MinValue;
        }

        return db.IsSqlite
            ? reader.GetFieldType(column) == typeof(long) ? new DateTimeOffset(reader.GetInt64(column), TimeSpan.Zero) : DateTimeOffset.MinValue
            : reader.GetFieldValue<DateTimeOffset>(column);
    }

    private static Guid? UserId(DbDataReader reader, int column) => reader.IsDBNull(column) ? null
        : reader.GetValue(column) switch
        {
            Guid id => id,
            string text when Guid.TryParse(text, out var id) => id,
            _ => Guid.Empty,
        };

    private static string Text(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? ""
        : reader.GetFieldType(column) == typeof(string) ? reader.GetString(column)
        : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
