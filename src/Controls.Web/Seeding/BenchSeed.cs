using System.Diagnostics;
using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Controls.Web.Seeding;

/// <summary>
/// A generated dataset for the reporting benchmark (<c>scripts/controls seed bench --departments 500
/// --years 3</c>): divisions of 50 departments each (codes B0001…), and for every department one
/// inspection per month over the full built-in APPI catalog for the last <c>years × 12</c> months
/// (all answered; all but the latest month submitted or accepted, some late), inspections and answers
/// written with PostgreSQL binary COPY, or on SQLite with prepared INSERTs in one transaction. Deterministic (fixed random seed). It refuses a database
/// whose users are not all bench users (…@bench.example) unless forced, so it never mixes with real data.
/// </summary>
public sealed class BenchSeed(AppDbContext db, OrganisationClock clock)
{
    public const string UserDomain = "@bench.example";
    public const int DepartmentsPerDivision = 50;

    public sealed record Result(int Departments, int Inspections, long Answers, TimeSpan Elapsed, string? Error = null);

    public async Task<Result> RunAsync(int departments, int years, bool force, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        if (!force && await db.Users.AnyAsync(u => u.Email == null || !u.Email.EndsWith(UserDomain), cancellationToken))
        {
            return new Result(0, 0, 0, watch.Elapsed, $"the database has users other than bench users ({UserDomain}); pass --force to seed it anyway");
        }

        if (await db.Departments.AnyAsync(d => d.Code.StartsWith("B0"), cancellationToken))
        {
            return new Result(0, 0, 0, watch.Elapsed, "bench departments (B0…) already exist");
        }

        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, Items = v.Measures.SelectMany(m => m.Items).Select(i => i.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return new Result(0, 0, 0, watch.Elapsed, "import the built-in APPI catalog first: scripts/controls catalog import --built-in checklists/appi-security-measures.yaml");
        }

        var ids = new List<Guid>();
        for (var d = 0; d < (departments + DepartmentsPerDivision - 1) / DepartmentsPerDivision; d++)
        {
            var division = new Department { Id = Guid.NewGuid(), Code = $"B0D{d + 1:D2}", NameJa = $"第{d + 1}事業部", NameEn = $"Division {d + 1}" };
            db.Departments.Add(division);
            for (var n = d * DepartmentsPerDivision; n < Math.Min(departments, (d + 1) * DepartmentsPerDivision); n++)
            {
                var department = new Department { Id = Guid.NewGuid(), Code = $"B{n + 1:D4}", NameJa = $"部門{n + 1}", NameEn = $"Department {n + 1}", ParentId = division.Id };
                db.Departments.Add(department);
                ids.Add(department.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var latest = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(0, years * 12).Select(i => latest.AddMonths(-(years * 12) + 1 + i)).ToList();
        var random = new Random(20261121);
        var inspections = Inspections(ids, months, latest, random);
        var answers = Answers(inspections, version.Items, random);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The one provider-specific step of the seed: the bulk insert (docs/adr/0008).
            var written = db.IsSqlite
                ? await WriteSqliteAsync(version.Id, inspections, answers, cancellationToken)
                : await WritePostgreSqlAsync(version.Id, inspections, answers, cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await InspectionScores.RecomputeAllAsync(db, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("ANALYZE inspections; ANALYZE answers; ANALYZE inspection_scores;", cancellationToken);
            return new Result(ids.Count, inspections.Count, written, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record InspectionRow(
        Guid Id, Guid DepartmentId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, InspectionStatus Status,
        DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, DateTimeOffset AnsweredAt)
    {
        public string TargetKey => Inspection.DepartmentTarget(DepartmentId);
    }

    private readonly record struct AnswerRow(Guid Id, Guid InspectionId, Guid CheckItemId, string Value, string Comment, DateTimeOffset AnsweredAt);

    /// <summary>One inspection per department and month (the latest month still open); the same rows on either provider.</summary>
    private static List<InspectionRow> Inspections(List<Guid> departments, List<DateOnly> months, DateOnly latest, Random random)
    {
        var rows = new List<InspectionRow>(departments.Count * months.Count);
        foreach (var department in departments)
        {
            foreach (var month in months)
            {
                var end = month.AddMonths(1).AddDays(-1);
                var due = end.AddDays(14);
                var open = month == latest;
                var late = random.Next(10) == 0;
                var submitted = new DateTimeOffset(due.AddDays(late ? 3 : -2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                var status = open ? InspectionStatus.InProgress : random.Next(4) == 0 ? InspectionStatus.Submitted : InspectionStatus.Accepted;
                rows.Add(new InspectionRow(
                    Guid.NewGuid(), department, month, end, due, status, new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    open ? null : submitted, status == InspectionStatus.Accepted ? submitted.AddDays(3) : null, submitted.AddDays(-1)));
            }
        }

        return rows;
    }

    /// <summary>Every item of every inspection answered; each inspection has its own level of compliance, so the heatmap has contrast.</summary>
    private static IEnumerable<AnswerRow> Answers(List<InspectionRow> inspections, List<Guid> items, Random random)
    {
        string[] values = [nameof(AnswerValue.Yes), nameof(AnswerValue.Partial), nameof(AnswerValue.No), nameof(AnswerValue.NotApplicable)];
        foreach (var inspection in inspections)
        {
            var strength = 55 + random.Next(40);
            foreach (var item in items)
            {
                var roll = random.Next(100);
                var value = roll < strength ? values[0] : roll < strength + ((100 - strength) / 2) ? values[1] : roll < 96 ? values[2] : values[3];
                yield return new AnswerRow(Guid.NewGuid(), inspection.Id, item, value, value == values[0] ? "" : "手順書の改訂を予定しています。", inspection.AnsweredAt);
            }
        }
    }

    /// <summary>PostgreSQL: binary COPY.</summary>
    private async Task<long> WritePostgreSqlAsync(Guid versionId, List<InspectionRow> inspections, IEnumerable<AnswerRow> answers, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY inspections (id, catalog_version_id, measure_codes, department_id, target_key, period_start, period_end, due_on, status, created_at, submitted_at, reviewed_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var i in inspections)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(i.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(versionId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(i.DepartmentId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(i.TargetKey, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(i.PeriodStart, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(i.PeriodEnd, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(i.DueOn, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(i.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(i.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(copy, i.SubmittedAt, cancellationToken);
                await WriteNullableAsync(copy, i.ReviewedAt, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY answers (id, inspection_id, check_item_id, value, comment, review_comment, answered_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var a in answers)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(a.InspectionId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(a.CheckItemId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(a.Value, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(a.Comment, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(a.AnsweredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                count++;
            }

            await copy.CompleteAsync(cancellationToken);
        }

        return count;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken cancellationToken)
    {
        if (value is { } instant)
        {
            await copy.WriteAsync(instant, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite has no COPY: one transaction, one prepared INSERT per table reused with new parameter
    /// values. Values as <see cref="SqliteContext"/> stores them (Data/Migrations/Sqlite): ids and
    /// instants through <see cref="AppDbContext.ForSql(Guid)"/>, dates as yyyy-MM-dd text, the empty
    /// list as the JSON array [], the version token 1.
    /// </summary>
    private async Task<long> WriteSqliteAsync(Guid versionId, List<InspectionRow> inspections, IEnumerable<AnswerRow> answers, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = Prepare(connection, transaction,
            "INSERT INTO inspections (id, catalog_version_id, measure_codes, department_id, target_key, period_start, period_end, due_on, status, created_at, submitted_at, reviewed_at, version) " +
            "VALUES ($id, $catalog_version_id, '[]', $department_id, $target_key, $period_start, $period_end, $due_on, $status, $created_at, $submitted_at, $reviewed_at, 1)",
            "$id", "$catalog_version_id", "$department_id", "$target_key", "$period_start", "$period_end", "$due_on", "$status", "$created_at", "$submitted_at", "$reviewed_at"))
        {
            var p = insert.Parameters;
            p["$catalog_version_id"].Value = db.ForSql(versionId);
            foreach (var i in inspections)
            {
                p["$id"].Value = db.ForSql(i.Id);
                p["$department_id"].Value = db.ForSql(i.DepartmentId);
                p["$target_key"].Value = i.TargetKey;
                p["$period_start"].Value = Text(i.PeriodStart);
                p["$period_end"].Value = Text(i.PeriodEnd);
                p["$due_on"].Value = Text(i.DueOn);
                p["$status"].Value = i.Status.ToString();
                p["$created_at"].Value = db.ForSql(i.CreatedAt);
                p["$submitted_at"].Value = i.SubmittedAt is { } submitted ? db.ForSql(submitted) : DBNull.Value;
                p["$reviewed_at"].Value = i.ReviewedAt is { } reviewed ? db.ForSql(reviewed) : DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        long count = 0;
        await using (var insert = Prepare(connection, transaction,
            "INSERT INTO answers (id, inspection_id, check_item_id, value, comment, review_comment, answered_at, version) " +
            "VALUES ($id, $inspection_id, $check_item_id, $value, $comment, '', $answered_at, 1)",
            "$id", "$inspection_id", "$check_item_id", "$value", "$comment", "$answered_at"))
        {
            var p = insert.Parameters;
            foreach (var a in answers)
            {
                p["$id"].Value = db.ForSql(a.Id);
                p["$inspection_id"].Value = db.ForSql(a.InspectionId);
                p["$check_item_id"].Value = db.ForSql(a.CheckItemId);
                p["$value"].Value = a.Value;
                p["$comment"].Value = a.Comment;
                p["$answered_at"].Value = db.ForSql(a.AnsweredAt);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                count++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    /// <summary>A date as EF Core's SQLite provider keeps it.</summary>
    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
