using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// Bulk attendance for one session from CSV (UTF-8, with or without BOM): a header line
/// <c>email,completed,score</c>, then one line per person: their e-mail address in the app, whether
/// they completed (yes/no, はい/いいえ, true/false, 1/0) and an optional score 0–100. Every line is
/// checked first; if any is wrong nothing is saved and every problem is listed with its line.
/// An existing attendance of the same person is updated.
/// </summary>
public sealed class AttendanceCsv(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int MaxLines = 5000;

    public sealed record LineError(int Line, string Message);

    public sealed record Result(int Recorded, IReadOnlyList<LineError> Errors);

    public async Task<Result> ImportAsync(Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var errors = new List<LineError>();
        var header = lines.Length > 0 ? Split(lines[0]).Select(h => h.ToLowerInvariant()).ToList() : [];
        if (header.Count < 2 || header[0] != "email" || header[1] != "completed" || (header.Count > 2 && header[2] != "score"))
        {
            return new(0, [new LineError(1, l["Training.Csv.Header"])]);
        }

        var rows = lines.Skip(1).Select((line, i) => (Number: i + 2, Line: line)).Where(r => r.Line.Trim().Length > 0).ToList();
        if (rows.Count > MaxLines)
        {
            return new(0, [new LineError(0, l["Training.Csv.TooMany", MaxLines])]);
        }

        var emails = rows.Select(r => Split(r.Line).FirstOrDefault()?.ToUpperInvariant() ?? "").Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        var parsed = new Dictionary<Guid, (bool Completed, int? Score)>();
        foreach (var (number, line) in rows)
        {
            var cells = Split(line);
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
