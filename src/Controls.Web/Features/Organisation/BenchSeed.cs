using System.Diagnostics;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Controls.Web.Features.Organisation;

/// <summary>
/// A generated dataset for the reporting benchmark (<c>scripts/controls seed bench --departments 500
/// --years 3</c>): divisions of 50 departments each (codes B0001…), and for every department one
/// inspection per month over the full built-in APPI catalog for the last <c>years × 12</c> months
/// (all answered; all but the latest month submitted or accepted, some late), inspections and answers
/// written with PostgreSQL binary COPY. Deterministic (fixed random seed). It refuses a database
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
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var inspections = new List<(Guid Id, bool Open, DateTimeOffset AnsweredAt)>(ids.Count * months.Count);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY inspections (id, catalog_version_id, measure_codes, department_id, target_key, period_start, period_end, due_on, status, created_at, submitted_at, reviewed_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var department in ids)
            {
                // Each department has its own level of compliance, so the heatmap has contrast.
                foreach (var month in months)
                {
                    var id = Guid.NewGuid();
                    var end = month.AddMonths(1).AddDays(-1);
                    var due = end.AddDays(14);
                    var open = month == latest;
                    var late = random.Next(10) == 0;
                    var submitted = new DateTimeOffset(due.AddDays(late ? 3 : -2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                    var status = open ? InspectionStatus.InProgress : random.Next(4) == 0 ? InspectionStatus.Submitted : InspectionStatus.Accepted;
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(version.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(department, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync($"department:{department}", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(month, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(end, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(due, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), NpgsqlDbType.TimestampTz, cancellationToken);
                    if (open)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(submitted, NpgsqlDbType.TimestampTz, cancellationToken);
                        if (status == InspectionStatus.Accepted)
                        {
                            await copy.WriteAsync(submitted.AddDays(3), NpgsqlDbType.TimestampTz, cancellationToken);
                        }
                        else
                        {
                            await copy.WriteNullAsync(cancellationToken);
                        }
                    }

                    inspections.Add((id, open, submitted.AddDays(-1)));
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long answers = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY answers (id, inspection_id, check_item_id, value, comment, review_comment, answered_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            string[] values = [nameof(AnswerValue.Yes), nameof(AnswerValue.Partial), nameof(AnswerValue.No), nameof(AnswerValue.NotApplicable)];
            foreach (var (id, _, answeredAt) in inspections)
            {
                var strength = 55 + random.Next(40);
                foreach (var item in version.Items)
                {
                    var roll = random.Next(100);
                    var value = roll < strength ? values[0] : roll < strength + ((100 - strength) / 2) ? values[1] : roll < 96 ? values[2] : values[3];
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(item, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(value == values[0] ? "" : "手順書の改訂を予定しています。", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(answeredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    answers++;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await Reports.InspectionScores.RecomputeAllAsync(db, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE inspections; ANALYZE answers; ANALYZE inspection_scores;", cancellationToken);
        return new Result(ids.Count, inspections.Count, answers, watch.Elapsed);
    }
}
