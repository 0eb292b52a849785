using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// Bulk attendance for one session from CSV (UTF-8, with or without BOM) or Excel (.xlsx, the first
/// sheet): a header row <c>email,completed,score</c> (or 社員番号,修了,得点), then one row per person:
/// their employee number on the staff roster or their e-mail address (on the roster or of an app
/// user), whether they completed (yes/no, はい/いいえ, true/false, 1/0) and an optional score 0–100.
/// A roster member must have been in service on the session's date. Every row is checked first; if
/// any is wrong nothing is saved and every problem is listed with its line (the CSV line or the
/// Excel row number). An existing attendance of the same person is updated.
/// </summary>
public sealed class AttendanceImport(AppDbContext db, TimeProvider time, ImportGate gate, TrainingPeople people, IStringLocalizer<SharedResource> l)
{
    public const int MaxLines = 5000;

    /// <summary>Accepted names of the three columns (the first: employee number or e-mail address).</summary>
    private static readonly string[][] Columns =
    [
        ["email", "employee_number", "person", "社員番号", "メールアドレス", "社員番号またはメールアドレス"],
        ["completed", "修了"],
        ["score", "得点"],
    ];

    public sealed record LineError(int Line, string Message);

    public sealed record Result(int Recorded, IReadOnlyList<LineError> Errors);

    private sealed record Row(int Number, List<string> Cells);

    public Task<Result> ImportCsvAsync(Guid sessionId, string text, CancellationToken cancellationToken = default) =>
        ImportAsync(sessionId, CsvReading.Lines(text).Select(line => new Row(line.Number, line.Cells)).ToList(), cancellationToken);

    /// <summary>The first sheet of an .xlsx; a file that is not one is a single problem, and nothing is saved.</summary>
    public async Task<Result> ImportExcelAsync(Guid sessionId, Stream xlsx, CancellationToken cancellationToken = default)
    {
        using var slot = await gate.TryEnterAsync();
        if (slot is null)
        {
            return new(0, [new LineError(0, l["Import.Busy"])]);
        }

        var sheet = XlsxReading.FirstSheet(xlsx, MaxLines);
        if (sheet.Problem != XlsxReading.Problem.None)
        {
            return new(0, [new LineError(0, ImportProblems.Message(l, sheet.Problem))]);
        }

        var rows = sheet.Rows.Select((cells, i) => new Row(i + 1, cells.Select(XlsxReading.Text).ToList())).ToList();
        return await ImportAsync(sessionId, rows, cancellationToken);
    }

    private async Task<Result> ImportAsync(Guid sessionId, List<Row> all, CancellationToken cancellationToken)
    {
        var errors = new List<LineError>();
        var header = all.Count > 0 ? all[0].Cells.Select(h => h.ToLowerInvariant()).ToList() : [];
        while (header.Count > 2 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);   // Excel rows may carry empty trailing cells
        }

        if (header.Count < 2 || header.Count > 3 || header.Where((name, i) => !Columns[i].Contains(name)).Any())
        {
            return new(0, [new LineError(1, l["Training.Csv.Header"])]);
        }

        var rows = all.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (rows.Count > MaxLines)
        {
            return new(0, [new LineError(0, l["Training.Csv.TooMany", MaxLines])]);
        }

        var heldOn = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => s.HeldOn).SingleAsync(cancellationToken);
        var found = await people.FindAsync(rows.Select(r => r.Cells.FirstOrDefault() ?? "").ToList(), cancellationToken);
        var parsed = new Dictionary<string, (TrainingPeople.Person Person, bool Completed, int? Score)>(StringComparer.Ordinal);
        foreach (var (number, row) in rows)
        {
            var cells = row;
            while (cells.Count > 3 && cells[^1].Trim().Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            var email = cells.ElementAtOrDefault(0) ?? "";
            if (cells.Count > 3)
            {
                errors.Add(new(number, l["Training.Csv.Columns"]));
                continue;
            }

            TrainingPeople.Person? person = null;
            if (email.Contains('\0', StringComparison.Ordinal) || !found.TryGetValue(email, out var match))
            {
                errors.Add(new(number, l["Training.Csv.UnknownPerson", email.Replace("\0", "", StringComparison.Ordinal)]));
            }
            else if (parsed.ContainsKey(match.Key))
            {
                errors.Add(new(number, l["Training.Csv.Duplicate", email]));
            }
            else if (!match.InServiceOn(heldOn))
            {
                errors.Add(new(number, l["Training.Csv.NotInService", email, heldOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)]));
            }
            else
            {
                person = match;
            }

            var completedText = (cells.ElementAtOrDefault(1) ?? "").ToLowerInvariant();
            bool? completed = completedText switch
            {
                "yes" or "はい" or "true" or "1" or "○" => true,
                "no" or "いいえ" or "false" or "0" or "×" => false,
                _ => null,
            };
            if (completed is null)
            {
                errors.Add(new(number, l["Training.Csv.Completed", completedText]));
            }

            int? score = null;
            var scoreText = cells.ElementAtOrDefault(2) ?? "";
            if (scoreText.Length > 0)
            {
                if (int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100)
                {
                    score = value;
                }
                else
                {
                    errors.Add(new(number, l["Training.Csv.Score", scoreText]));
                }
            }

            if (person is not null && completed is { } done)
            {
                parsed[person.Key] = (person, done, score);
            }
        }

        if (errors.Count > 0 || rows.Count == 0)
        {
            return new(0, errors.Count > 0 ? errors : [new LineError(0, l["Training.Csv.Empty"])]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await db.TrainingAttendances.Where(a => a.SessionId == sessionId).ToListAsync(cancellationToken))
            .ToDictionary(a => TrainingPeople.KeyOf(a.StaffMemberId, a.UserId), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var (key, (person, completed, score)) in parsed)
        {
            if (!existing.TryGetValue(key, out var attendance))
            {
                attendance = new TrainingAttendance { Id = Guid.NewGuid(), SessionId = sessionId, StaffMemberId = person.StaffMemberId, UserId = person.UserId };
                db.TrainingAttendances.Add(attendance);
            }

            attendance.Completed = completed;
            attendance.Score = score;
            attendance.RecordedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(parsed.Count, []);
    }
}
