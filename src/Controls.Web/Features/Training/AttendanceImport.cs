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
/// sheet): a header row <c>email,completed,score</c>, then one row per person: their e-mail address
/// in the app, whether they completed (yes/no, はい/いいえ, true/false, 1/0) and an optional score
/// 0–100. Every row is checked first; if any is wrong nothing is saved and every problem is listed
/// with its line (the CSV line or the Excel row number). An existing attendance of the same person
/// is updated.
/// </summary>
public sealed class AttendanceImport(AppDbContext db, TimeProvider time, ImportGate gate, IStringLocalizer<SharedResource> l)
{
    public const int MaxLines = 5000;

    public sealed record LineError(int Line, string Message);

    public sealed record Result(int Recorded, IReadOnlyList<LineError> Errors);

    private sealed record Row(int Number, List<string> Cells);

    public Task<Result> ImportCsvAsync(Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        return ImportAsync(sessionId, lines.Select((line, i) => new Row(i + 1, Split(line))).ToList(), cancellationToken);
    }

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

        if (header.Count < 2 || header[0] != "email" || header[1] != "completed" || (header.Count > 2 && header[2] != "score"))
        {
            return new(0, [new LineError(1, l["Training.Csv.Header"])]);
        }

        var rows = all.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (rows.Count > MaxLines)
        {
            return new(0, [new LineError(0, l["Training.Csv.TooMany", MaxLines])]);
        }

        var emails = rows.Select(r => r.Cells.FirstOrDefault()?.ToUpperInvariant() ?? "").Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        var parsed = new Dictionary<Guid, (bool Completed, int? Score)>();
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

            Guid? user = null;
            if (!users.TryGetValue(email.ToUpperInvariant(), out var id))
            {
                errors.Add(new(number, l["Training.Csv.UnknownUser", email]));
            }
            else if (parsed.ContainsKey(id))
            {
                errors.Add(new(number, l["Training.Csv.Duplicate", email]));
            }
            else
            {
                user = id;
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

            if (user is { } known && completed is { } done)
            {
                parsed[known] = (done, score);
            }
        }

        if (errors.Count > 0 || rows.Count == 0)
        {
            return new(0, errors.Count > 0 ? errors : [new LineError(0, l["Training.Csv.Empty"])]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = parsed.Keys.ToList();
        var existing = await db.TrainingAttendances.Where(a => a.SessionId == sessionId && ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (userId, (completed, score)) in parsed)
        {
            if (!existing.TryGetValue(userId, out var attendance))
            {
                attendance = new TrainingAttendance { Id = Guid.NewGuid(), SessionId = sessionId, UserId = userId };
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

    /// <summary>Comma-separated cells; a cell may be quoted ("a, b"), with "" for a quote.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
