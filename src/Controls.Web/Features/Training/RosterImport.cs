using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>
/// The staff roster (従業者名簿) from CSV (UTF-8) or Excel (.xlsx, the first sheet): a header row
/// <c>社員番号,氏名,メールアドレス,部門コード,入社日,退職日</c> (or employee_number, name, email,
/// department, joined_on, left_on, or the English headers of the roster's export; the last column
/// may be left out), then one row per employee.
/// A row whose employee number is on the roster updates that member (a leaving date records the
/// leave), any other row adds one. Every row is checked first; if any is wrong nothing is saved
/// and every problem is listed with its line.
/// </summary>
public sealed class RosterImport(AppDbContext db, TimeProvider time, ImportGate gate, IStringLocalizer<SharedResource> l)
{
    public const int MaxLines = 5000;

    private static readonly string[][] Columns =
    [
        ["社員番号", "employee_number", "employee number"],
        ["氏名", "name"],
        ["メールアドレス", "email", "e-mail address"],
        ["部門コード", "department", "department code"],
        ["入社日", "joined_on", "joined on"],
        ["退職日", "left_on", "left on"],
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"];

    public sealed record LineError(int Line, string Message);

    public sealed record Result(int Added, int Updated, IReadOnlyList<LineError> Errors);

    private sealed record Row(int Number, List<string> Cells);

    private sealed record Parsed(int Line, string EmployeeNumber, string Name, string? Email, Guid DepartmentId, DateOnly JoinedOn, DateOnly? LeftOn);

    public Task<Result> ImportCsvAsync(string text, CancellationToken cancellationToken = default) =>
        ImportAsync(CsvReading.Lines(text).Select(line => new Row(line.Number, line.Cells)).ToList(), cancellationToken);

    /// <summary>The first sheet of an .xlsx; a file that is not one (or unpacks too large) is a single problem, and nothing is saved.</summary>
    public async Task<Result> ImportExcelAsync(Stream xlsx, CancellationToken cancellationToken = default)
    {
        using var slot = await gate.TryEnterAsync();
        if (slot is null)
        {
            return Failed(0, l["Import.Busy"]);
        }

        var sheet = XlsxReading.FirstSheet(xlsx, MaxLines + 1);
        if (sheet.Problem != XlsxReading.Problem.None)
        {
            return Failed(0, ImportProblems.Message(l, sheet.Problem));
        }

        return await ImportAsync(sheet.Rows.Select((cells, i) => new Row(i + 1, cells.Select(XlsxReading.Text).ToList())).ToList(), cancellationToken);
    }

    private static Result Failed(int line, string message) => new(0, 0, [new LineError(line, message)]);

    private async Task<Result> ImportAsync(List<Row> all, CancellationToken cancellationToken)
    {
        var header = all.Count > 0 ? all[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        while (header.Count > 5 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);   // Excel rows may carry empty trailing cells
        }

        if (header.Count < 5 || header.Count > 6 || header.Where((name, i) => !Columns[i].Contains(name)).Any())
        {
            return Failed(1, l["Roster.Import.Header"]);
        }

        var rows = all.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (rows.Count == 0)
        {
            return Failed(0, l["Training.Csv.Empty"]);
        }

        if (rows.Count > MaxLines)
        {
            return Failed(0, l["Training.Csv.TooMany", MaxLines]);
        }

        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.RetiredAt }).ToListAsync(cancellationToken);
        var byCode = departments.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new List<LineError>();
        var parsed = new List<Parsed>();
        foreach (var (line, original) in rows)
        {
            var cells = original.ToList();
            while (cells.Count > 6 && cells[^1].Trim().Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > 6)
            {
                errors.Add(new(line, l["Roster.Import.Columns"]));
                continue;
            }

            if (cells.Any(c => c.Contains('\0', StringComparison.Ordinal)))
            {
                errors.Add(new(line, l["Roster.Import.ControlCharacter"]));
                continue;
            }

            string Cell(int i) => cells.ElementAtOrDefault(i)?.Trim() ?? "";
            var number = Cell(0);
            var name = Cell(1);
            var email = Cell(2);
            var code = Cell(3);
            var rowErrors = errors.Count;
            DateOnly? Date(int column, bool required)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    if (required)
                    {
                        errors.Add(new(line, l["Roster.Import.Date", l["Roster." + (column == 4 ? "JoinedOn" : "LeftOn")], text]));
                    }

                    return null;
                }

                if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                errors.Add(new(line, l["Roster.Import.Date", l["Roster." + (column == 4 ? "JoinedOn" : "LeftOn")], text]));
                return null;
            }

            var joined = Date(4, required: true);
            var left = Date(5, required: false);
            Guid? department = null;
            if (!byCode.TryGetValue(code, out var found))
            {
                errors.Add(new(line, l["Roster.Import.UnknownDepartment", code]));
            }
            else if (found.RetiredAt is not null)
            {
                errors.Add(new(line, l["Roster.Import.RetiredDepartment", code]));
            }
            else
            {
                department = found.Id;
            }

            if (joined is { } joinedOn && StaffMember.Problem(number, name, email, joinedOn, left) is { } problem)
            {
                errors.Add(new(line, problem == "Roster.Problem.Email" ? l[problem + "Value", email] : l[problem]));
            }

            if (errors.Count == rowErrors && department is { } departmentId && joined is { } joinedDay)
            {
                parsed.Add(new Parsed(line, number, name, email.Length == 0 ? null : email, departmentId, joinedDay, left));
            }
        }

        foreach (var duplicate in parsed.GroupBy(p => p.EmployeeNumber, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(p => new LineError(p.Line, l["Roster.Import.DuplicateNumber", p.EmployeeNumber, duplicate.First().Line])));
        }

        foreach (var duplicate in parsed.Where(p => p.Email is not null).GroupBy(p => StaffMember.Normalize(p.Email)!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(p => new LineError(p.Line, l["Roster.Import.DuplicateEmail", p.Email!, duplicate.First().Line])));
        }

        // An e-mail address already on the roster for another employee number.
        var emails = parsed.Select(p => StaffMember.Normalize(p.Email)).OfType<string>().ToList();
        var taken = await db.StaffMembers.AsNoTracking().Where(m => m.NormalizedEmail != null && emails.Contains(m.NormalizedEmail))
            .Select(m => new { m.NormalizedEmail, m.EmployeeNumber }).ToListAsync(cancellationToken);
        foreach (var clash in parsed.Where(p => taken.Any(t => t.NormalizedEmail == StaffMember.Normalize(p.Email) && t.EmployeeNumber != p.EmployeeNumber)))
        {
            errors.Add(new(clash.Line, l["Roster.Problem.EmailTaken", clash.Email!]));
        }

        if (errors.Count > 0)
        {
            return new(0, 0, errors.OrderBy(e => e.Line).ToList());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var numbers = parsed.Select(p => p.EmployeeNumber).ToList();
        var existing = await db.StaffMembers.Where(m => numbers.Contains(m.EmployeeNumber)).ToDictionaryAsync(m => m.EmployeeNumber, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        int added = 0, updated = 0;
        foreach (var row in parsed)
        {
            if (!existing.TryGetValue(row.EmployeeNumber, out var member))
            {
                member = new StaffMember { Id = Guid.NewGuid(), EmployeeNumber = row.EmployeeNumber, CreatedAt = now };
                db.StaffMembers.Add(member);
                added++;
            }
            else if (member.Name == row.Name && member.Email == row.Email && member.DepartmentId == row.DepartmentId
                && member.JoinedOn == row.JoinedOn && member.LeftOn == row.LeftOn)
            {
                continue;   // unchanged
            }
            else
            {
                updated++;
            }

            member.Name = row.Name;
            member.Email = row.Email;
            member.NormalizedEmail = StaffMember.Normalize(row.Email);
            member.DepartmentId = row.DepartmentId;
            member.JoinedOn = row.JoinedOn;
            member.LeftOn = row.LeftOn;
            member.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(added, updated, []);
    }
}
