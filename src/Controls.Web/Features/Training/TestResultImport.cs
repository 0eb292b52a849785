using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// Comprehension-test results taken on paper or by people without an account, for one session,
/// from CSV (UTF-8) or Excel (.xlsx, the first sheet): a header row <c>社員番号,得点,合否,受験日</c>
/// (or employee_number,score,passed,taken_on), then one row per person: their employee number on
/// the staff roster or their e-mail address, the score 0–100 and/or passed (はい/いいえ; from the
/// score and the pass mark when blank; both given must agree), and the date taken (not in the
/// future; a roster member must have been in service that day). Each row is one more attempt on
/// the session's current test version, and marks the person's attendance completed. Every row is
/// checked first; if any is wrong nothing is saved and every problem is listed with its line.
/// </summary>
public sealed class TestResultImport(AppDbContext db, TimeProvider time, ImportGate gate, TrainingPeople people, ComprehensionTests tests,
    Infrastructure.Time.OrganisationClock clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxLines = AttendanceImport.MaxLines;

    private static readonly string[][] Columns =
    [
        ["社員番号", "社員番号またはメールアドレス", "メールアドレス", "employee_number", "email", "person"],
        ["得点", "score"],
        ["合否", "passed"],
        ["受験日", "taken_on", "date"],
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"];

    public Task<AttendanceImport.Result> ImportCsvAsync(Guid sessionId, string text, CancellationToken cancellationToken = default) =>
        ImportAsync(sessionId, CsvReading.Lines(text).Select(line => (line.Number, line.Cells)).ToList(), cancellationToken);

    public async Task<AttendanceImport.Result> ImportExcelAsync(Guid sessionId, Stream xlsx, CancellationToken cancellationToken = default)
    {
        using var slot = await gate.TryEnterAsync();
        if (slot is null)
        {
            return new(0, [new(0, l["Import.Busy"])]);
        }

        var sheet = XlsxReading.FirstSheet(xlsx, MaxLines);
        if (sheet.Problem != XlsxReading.Problem.None)
        {
            return new(0, [new(0, ImportProblems.Message(l, sheet.Problem))]);
        }

        return await ImportAsync(sessionId, sheet.Rows.Select((cells, i) => (i + 1, cells.Select(XlsxReading.Text).ToList())).ToList(), cancellationToken);
    }

    private async Task<AttendanceImport.Result> ImportAsync(Guid sessionId, List<(int Number, List<string> Cells)> all, CancellationToken cancellationToken)
    {
        var test = await tests.CurrentAsync(sessionId, cancellationToken);
        if (test is null || test.Questions.Count == 0)
        {
            return new(0, [new(0, l["Test.Import.NoTest"])]);
        }

        var header = all.Count > 0 ? all[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        while (header.Count > 4 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        if (header.Count != 4 || header.Where((name, i) => !Columns[i].Contains(name)).Any())
        {
            return new(0, [new(1, l["Test.Import.Header"])]);
        }

        var rows = all.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (rows.Count > MaxLines)
        {
            return new(0, [new(0, l["Training.Csv.TooMany", MaxLines])]);
        }

        if (rows.Count == 0)
        {
            return new(0, [new(0, l["Training.Csv.Empty"])]);
        }

        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var now = time.GetUtcNow();
        var errors = new List<AttendanceImport.LineError>();
        var found = await people.FindAsync(rows.Select(r => r.Cells.FirstOrDefault()?.Trim() ?? "").ToList(), cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<TrainingTestResult>();
        foreach (var (number, row) in rows)
        {
            var cells = row.Select(c => c.Trim()).ToList();
            while (cells.Count > 4 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > 4)
            {
                errors.Add(new(number, l["Test.Import.Columns"]));
                continue;
            }

            var who = cells.ElementAtOrDefault(0) ?? "";
            var shown = who.Replace("\0", "", StringComparison.Ordinal);
            TrainingPeople.Person? person = null;
            if (who.Contains('\0', StringComparison.Ordinal) || !found.TryGetValue(who, out var match))
            {
                errors.Add(new(number, l["Training.Csv.UnknownPerson", shown]));
            }
            else if (!seen.Add(match.Key))
            {
                errors.Add(new(number, l["Training.Csv.Duplicate", shown]));
            }
            else
            {
                person = match;
            }

            int? score = null;
            var scoreText = cells.ElementAtOrDefault(1) ?? "";
            if (scoreText.Length > 0)
            {
                if (int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100)
                {
                    score = value;
                }
                else
                {
                    errors.Add(new(number, l["Training.Csv.Score", scoreText.Replace("\0", "", StringComparison.Ordinal)]));
                }
            }

            var passedText = (cells.ElementAtOrDefault(2) ?? "").ToLowerInvariant();
            bool? passed = passedText switch
            {
                "" => null,
                "yes" or "はい" or "true" or "1" or "○" or "合格" or "passed" or "pass" => true,
                "no" or "いいえ" or "false" or "0" or "×" or "不合格" or "failed" or "fail" => false,
                _ => null,
            };
            var passedOk = passedText.Length == 0 || passed is not null;
            if (!passedOk)
            {
                errors.Add(new(number, l["Test.Import.Passed", passedText.Replace("\0", "", StringComparison.Ordinal)]));
            }

            var dateText = cells.ElementAtOrDefault(3) ?? "";
            DateOnly? takenOn = DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if (takenOn is null)
            {
                errors.Add(new(number, l["Test.Import.Date", dateText.Replace("\0", "", StringComparison.Ordinal)]));
            }
            else if (takenOn > today)
            {
                errors.Add(new(number, l["Test.Import.Future", dateText]));
                takenOn = null;
            }
            else if (person is not null && !person.InServiceOn(takenOn.Value))
            {
                errors.Add(new(number, l["Test.Import.NotInService", shown, takenOn.Value.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)]));
                person = null;
            }

            if (person is null || takenOn is null || !passedOk || (scoreText.Length > 0 && score is null))
            {
                continue;
            }

            var (result, problem) = TrainingTestResult.Imported(test, person.UserId, person.StaffMemberId, score, passed, takenOn.Value, now);
            if (problem == TrainingTestResult.ImportProblem.NoScoreOrPassed)
            {
                errors.Add(new(number, l["Test.Import.NoScore"]));
            }
            else if (problem == TrainingTestResult.ImportProblem.Contradicts)
            {
                errors.Add(new(number, l["Test.Import.Contradicts", score ?? 0, test.PassMark]));
            }
            else
            {
                results.Add(result!);
            }
        }

        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tests.AddAsync(results, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(results.Count, []);
    }
}
