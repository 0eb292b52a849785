using System.Diagnostics;
using System.Globalization;
using Controls.Web.App;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.AuditTrail;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Controls.Bench;

/// <summary>
/// Issue 14's target: <c>audit-trail verify</c> checks 1,000,000 chained entries in under 30 s.
/// Seeds N entries of the chain (about 200 bytes of changes each) in bulk — one prepared INSERT in
/// one transaction on SQLite, binary COPY on PostgreSQL, hashes computed as the app computes them —
/// then runs the verification the command runs, and prints both times and the peak working set.
/// `bench/run [--provider sqlite|postgresql] audit-trail [entries]`
/// </summary>
public static class AuditTrailBench
{
    private static readonly string[] Entities = ["Inspection", "Answer", "CorrectiveAction", "LedgerEntry", "Department", "Finding"];

    public static async Task<int> RunAsync(int entries)
    {
        await using var database = await BenchDatabase.CreateAsync("bench_trail");
        await using (var db = database.Context())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        var seeding = Stopwatch.StartNew();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await SeedSqliteAsync(database.ConnectionString, entries);
        }
        else
        {
            await SeedPostgreSqlAsync(database.ConnectionString, entries);
        }

        seeding.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Label} seed: {entries:N0} chained entries in {seeding.Elapsed.TotalSeconds:F1} s"));

        var actor = new CurrentActor(new HttpContextAccessor());
        actor.ActAs(null, "cli");
        await using var verifyDb = database.Context();
        var output = new StringWriter();
        var error = new StringWriter();
        var verifying = Stopwatch.StartNew();
        var exit = await CommandLine.VerifyAuditTrailAsync(new VerifyAuditTrail(verifyDb, TimeProvider.System, actor), output, error);
        verifying.Stop();
        using var process = Process.GetCurrentProcess();
        Console.Write(output.ToString() + error);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Label} audit-trail verify: {entries:N0} entries in {verifying.Elapsed.TotalSeconds:F1} s (target < 30 s), exit {exit}, peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
        return exit == 0 && verifying.Elapsed.TotalSeconds < 30 ? 0 : 1;
    }

    /// <summary>The entries of the chain, in order, as the app would have written them.</summary>
    private static IEnumerable<AuditTrailEntry> Chain(int count)
    {
        var head = AuditTrailChain.Head.Empty;
        var start = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditTrailEntry
            {
                At = start.AddSeconds(i * 60.0).AddTicks(i % 10_000 * 10),
                UserId = i % 7 == 0 ? null : users[i % users.Length],
                Actor = i % 7 == 0 ? "system" : $"user{i % users.Length}@bench.example",
                Entity = Entities[i % Entities.Length],
                EntityKey = Guid.NewGuid().ToString(),
                Action = (AuditAction)(i % 3),
                Changes = "{\"Status\":{\"old\":\"InProgress\",\"new\":\"Submitted\"},\"Comment\":{\"old\":null,\"new\":\"点検 " + i.ToString(CultureInfo.InvariantCulture)
                    + ": 手順書を改訂し、担当者へ周知した。\"},\"UpdatedAt\":{\"old\":null,\"new\":\"2026-04-01T09:00:00+00:00\"}}",
            };
            head = AuditTrailChain.Link([entry], head);
            yield return entry;
        }
    }

    private static async Task SeedSqliteAsync(string connectionString, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_trail (at, user_id, actor, entity, entity_key, action, changes, sequence, previous_hash, hash)
            VALUES ($at, $user, $actor, $entity, $key, $action, $changes, $sequence, $previous, $hash)
            """;
        var p = new[] { "$at", "$user", "$actor", "$entity", "$key", "$action", "$changes", "$sequence", "$previous", "$hash" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        await command.PrepareAsync();
        foreach (var e in Chain(count))
        {
            p[0].Value = e.At.UtcTicks;
            p[1].Value = e.UserId?.ToString() ?? (object)DBNull.Value;
            p[2].Value = e.Actor;
            p[3].Value = e.Entity;
            p[4].Value = e.EntityKey;
            p[5].Value = e.Action.ToString();
            p[6].Value = e.Changes;
            p[7].Value = e.Sequence!.Value;
            p[8].Value = e.PreviousHash!;
            p[9].Value = e.Hash!;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task SeedPostgreSqlAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY audit_trail (at, user_id, actor, entity, entity_key, action, changes, sequence, previous_hash, hash) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in Chain(count))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                if (e.UserId is { } user)
                {
                    await copy.WriteAsync(user, NpgsqlDbType.Uuid);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(e.Actor, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Entity, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.EntityKey, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Action.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Changes, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Sequence!.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.PreviousHash!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Hash!, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE audit_trail", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
