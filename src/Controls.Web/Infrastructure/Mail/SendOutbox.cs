using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Infrastructure.Mail;

/// <summary>
/// Sends the e-mails waiting in the outbox. Takes due messages (not sent, next attempt reached) in
/// small batches locked with <c>FOR UPDATE SKIP LOCKED</c>, so two app nodes never take the same
/// message; marks each sent, or records the failure and backs off (1, 5, 15, 60 minutes, then
/// hourly) — it never gives up: administrators see failing messages on the outbox page.
/// Without a configured mail server nothing is taken: messages stay pending, not lost.
/// </summary>
public sealed partial class SendOutbox(AppDbContext db, IMailSender sender, TimeProvider time, ILogger<SendOutbox> logger)
{
    public const int BatchSize = 10;

    /// <summary>Keeps one run short; the job runs every minute.</summary>
    public const int MaxBatchesPerRun = 30;

    public sealed record Result(int Sent, int Failed, bool MailConfigured, int Pending);

    /// <summary>How long to wait after the given number of failed attempts.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        _ => TimeSpan.FromMinutes(60),
    };

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!sender.IsConfigured)
        {
            var pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken);
            return new Result(0, 0, false, pending);
        }

        int sent = 0, failed = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var (batchSent, batchFailed) = await SendBatchAsync(cancellationToken);
            sent += batchSent;
            failed += batchFailed;
            // An empty batch means nothing is due; a failure most likely means the server is down:
            // the rest waits for the next run rather than each timing out now.
            if (batchSent + batchFailed < BatchSize || batchFailed > 0)
            {
                break;
            }
        }

        return new Result(sent, failed, true, 0);
    }

    private async Task<(int Sent, int Failed)> SendBatchAsync(CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return await SendClaimedBatchAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var messages = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        var result = await SendAsync(messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>
    /// SQLite: a transaction holds the whole database's write lock, so the batch is claimed in a
    /// short one (its next attempt moved a lease ahead, so no other run takes it) and sent outside
    /// it: a slow mail server never keeps users' saves waiting.
    /// </summary>
    private async Task<(int Sent, int Failed)> SendClaimedBatchAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage> messages;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            messages = await db.OutboxMessages
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in messages)
            {
                message.NextAttemptAt = now + ClaimLease;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var result = await SendAsync(messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>How long a claimed message is left to the run that claimed it (SQLite).</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private async Task<(int Sent, int Failed)> SendAsync(List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        foreach (var message in messages)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(new MailEnvelope(message.To, message.Subject, message.Body), cancellationToken);
                message.SentAt = time.GetUtcNow();
                message.LastError = "";
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.LastError = Describe(e);
                message.NextAttemptAt = time.GetUtcNow() + Backoff(message.Attempts);
                failed++;
                LogSendFailed(logger, message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
            }
        }

        return (sent, failed);
    }

    /// <summary>The exception and its causes ("Failure sending mail. ← Connection refused"), within the column's size.</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        var text = string.Join(" ← ", messages.Distinct());
        return text.Length <= 2000 ? text : text[..2000];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send outbox message {MessageId} (attempt {Attempts}); next attempt at {NextAttemptAt}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, long messageId, int attempts, DateTimeOffset nextAttemptAt, string error);
}
