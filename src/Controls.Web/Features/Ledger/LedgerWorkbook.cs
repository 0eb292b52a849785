using System.Globalization;
using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Ledger;

/// <summary>
/// The ledger as an Excel workbook, one row per entry, and back. Headers, choices and yes/no are
/// written in the reader's language and read in either (so a file exported in English imports on
/// a Japanese screen); departments are their codes, countries their ISO codes, contractors their
/// names in the register (one per line). The first column is the entry's id: a row with an id
/// updates that entry, a row without one adds an entry. Import checks every cell of every row
/// first and saves nothing unless all are good, in one transaction.
/// </summary>
public sealed class LedgerWorkbook(AppDbContext db, LedgerAccess access, TimeProvider time, ImportGate gate, IStringLocalizer<SharedResource> l)
{
    public const int MaxRows = 5000;

    /// <summary>The columns, in order: the field (resource "Ledger.Field.{name}") and its width.</summary>
    /// <summary>Headers earlier exports wrote, still read: 部署コード became 部門コード (the glossary's word).</summary>
    private static readonly Dictionary<string, string[]> FormerHeaders = new() { ["Department"] = ["部署コード"] };

    public static readonly IReadOnlyList<(string Field, double Width)> Columns =
    [
        ("Id", 38), ("Department", 12), ("Name", 28), ("Kind", 16), ("DataItems", 36), ("Purpose", 30), ("ResponsiblePerson", 16),
        ("AccessibleBy", 24), ("StorageLocation", 24), ("StorageMethod", 24), ("Medium", 12), ("Countries", 14), ("People", 14),
        ("SpecialCareData", 10), ("EncryptedAtRest", 10), ("RetainedPersonalData", 10), ("AcquisitionMethod", 24),
        ("PurposeNotification", 24), ("Consent", 20), ("ThirdPartyProvision", 24), ("Contractors", 24), ("Subcontractors", 24),
        ("RetentionPeriod", 16), ("DisposalMethod", 20), ("LastReviewedOn", 14),
    ];

    public sealed record CellError(int Row, string Column, string Message);

    public sealed record ImportResult(int Added, int Updated, IReadOnlyList<CellError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>The export's columns: every field, headers in the reader's language (what the import reads back).</summary>
    public IReadOnlyList<XlsxColumn> ExportColumns() =>
        Columns.Select(c => new XlsxColumn(l["Ledger.Field." + c.Field], c.Width, c.Field == "LastReviewedOn" ? XlsxKind.Date : XlsxKind.General)).ToList();

    /// <summary>One export row per entry of <paramref name="entries"/>, in its order (the list page's filtered query).</summary>
    public async IAsyncEnumerable<object?[]> ExportRowsAsync(IQueryable<LedgerEntry> entries, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var contractors = await db.Contractors.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        await foreach (var x in entries.Select(e => new { Entry = e, e.Department.Code }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var e = x.Entry;
            yield return
            [
                e.Id.ToString(), x.Code, e.Name, e.Kind, e.DataItems, e.Purpose, e.ResponsiblePerson, e.AccessibleBy, e.StorageLocation,
                e.StorageMethod, l["Ledger.Medium." + e.Medium].Value, string.Join(", ", e.Countries), l["Ledger.People." + e.People].Value,
                YesNo(e.SpecialCareData), YesNo(e.EncryptedAtRest), YesNo(e.RetainedPersonalData), e.AcquisitionMethod, e.PurposeNotification,
                e.Consent, e.ThirdPartyProvision, string.Join("\n", e.ContractorIds.Select(id => contractors.GetValueOrDefault(id, id.ToString()))),
                e.Subcontractors, e.RetentionPeriod, e.DisposalMethod, e.LastReviewedOn,
            ];
        }
    }

    private string YesNo(bool value) => l[value ? "Ledger.Yes" : "Ledger.No"].Value;

    /// <summary>Reads the first sheet; imports every row or, if any cell is bad, none (and lists every bad cell).</summary>
    public async Task<ImportResult> ImportAsync(ClaimsPrincipal user, Stream xlsx, CancellationToken cancellationToken)
    {
        using var slot = await gate.TryEnterAsync();
        if (slot is null)
        {
            return new(0, 0, [new CellError(0, "", l["Import.Busy"])]);
        }

        var sheet = XlsxReading.FirstSheet(xlsx, MaxRows);
        if (sheet.Problem != XlsxReading.Problem.None)
        {
            return new(0, 0, [new CellError(0, "", ImportProblems.Message(l, sheet.Problem))]);
        }

        var rows = sheet.Rows;

        if (rows.Count == 0)
        {
            return new(0, 0, [new CellError(0, "", l["Ledger.Import.Empty"])]);
        }

        // Which column holds which field: headers in either language (or the field's own name, or a header exported before).
        var headers = rows[0].Select(XlsxReading.Text).ToList();
        var index = new Dictionary<string, int>();
        foreach (var (field, _) in Columns)
        {
            var names = new[] { field, MessageText.Localize(l, "ja", "Ledger.Field." + field, []), MessageText.Localize(l, "en", "Ledger.Field." + field, []) }
                .Concat(FormerHeaders.GetValueOrDefault(field, []));
            var at = headers.FindIndex(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (at >= 0)
            {
                index[field] = at;
            }
        }

        var errors = new List<CellError>();
        foreach (var required in new[] { "Department", "Name", "Countries" })
        {
            if (!index.ContainsKey(required))
            {
                errors.Add(new CellError(1, l["Ledger.Field." + required], l["Ledger.Import.MissingColumn"]));
            }
        }

        var data = rows.Skip(1).Select((cells, i) => (Row: i + 2, Cells: cells)).Where(r => r.Cells.Any(c => XlsxReading.Text(c).Length > 0)).ToList();
        if (data.Count > MaxRows)
        {
            errors.Add(new CellError(0, "", l["Ledger.Import.TooManyRows", MaxRows]));
        }

        if (errors.Count > 0)
        {
            return new(0, 0, errors);
        }

        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.RetiredAt }).ToListAsync(cancellationToken);
        var contractors = await db.Contractors.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var visible = await (await access.VisibleAsync(user, cancellationToken)).Select(e => new { e.Id, e.DepartmentId }).ToDictionaryAsync(e => e.Id, e => e.DepartmentId, cancellationToken);
        var parsed = new List<(Guid? Id, LedgerInput Input)>();
        var seenIds = new HashSet<Guid>();
        foreach (var (row, cells) in data)
        {
            string Cell(string field) => index.TryGetValue(field, out var at) && at < cells.Length ? XlsxReading.Text(cells[at]) : "";
            object? Raw(string field) => index.TryGetValue(field, out var at) && at < cells.Length ? cells[at] : null;
            void Error(string field, string message) => errors.Add(new CellError(row, l["Ledger.Field." + field], message));

            var input = new LedgerInput();
            Guid? id = null;
            var idText = Cell("Id");
            if (idText.Length > 0)
            {
                if (!Guid.TryParse(idText, out var parsedId) || !visible.TryGetValue(parsedId, out var currentDepartment) || !LedgerAccess.CanEdit(user, currentDepartment))
                {
                    Error("Id", l["Ledger.Import.UnknownEntry"]);
                }
                else if (!seenIds.Add(parsedId))
                {
                    Error("Id", l["Ledger.Import.DuplicateEntry"]);
                }
                else
                {
                    id = parsedId;
                }
            }

            var code = Cell("Department");
            var department = departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
            if (code.Length == 0)
            {
                Error("Department", l["Ledger.Import.Required"]);
            }
            else if (department is null || (department.RetiredAt is not null && (id is null || visible[id.Value] != department.Id)))
            {
                Error("Department", l["Ledger.Import.UnknownDepartment", code]);
            }
            else if (!LedgerAccess.CanEdit(user, department.Id))
            {
                Error("Department", l["Ledger.OwnDepartmentOnly"]);
            }
            else
            {
                input.DepartmentId = department.Id;
            }

            input.Name = Cell("Name");
            if (input.Name.Length == 0)
            {
                Error("Name", l["Ledger.Import.Required"]);
            }

            string Limited(string field, int length)
            {
                var value = Cell(field);
                if (value.Length > length)
                {
                    Error(field, l["Ledger.Import.TooLong", length]);
                }

                return value;
            }

            Limited("Name", LedgerInput.NameLength);
            input.Kind = Limited("Kind", LedgerInput.NameLength);
            input.DataItems = Limited("DataItems", LedgerInput.TextLength);
            input.Purpose = Limited("Purpose", LedgerInput.TextLength);
            input.ResponsiblePerson = Limited("ResponsiblePerson", LedgerInput.NameLength);
            input.AccessibleBy = Limited("AccessibleBy", LedgerInput.TextLength);
            input.StorageLocation = Limited("StorageLocation", LedgerInput.TextLength);
            input.StorageMethod = Limited("StorageMethod", LedgerInput.TextLength);
            input.AcquisitionMethod = Limited("AcquisitionMethod", LedgerInput.TextLength);
            input.PurposeNotification = Limited("PurposeNotification", LedgerInput.TextLength);
            input.Consent = Limited("Consent", LedgerInput.TextLength);
            input.ThirdPartyProvision = Limited("ThirdPartyProvision", LedgerInput.TextLength);
            input.Subcontractors = Limited("Subcontractors", LedgerInput.TextLength);
            input.RetentionPeriod = Limited("RetentionPeriod", LedgerInput.TextLength);
            input.DisposalMethod = Limited("DisposalMethod", LedgerInput.TextLength);

            if (Choice<LedgerMedium>(Cell("Medium"), "Ledger.Medium.") is { } medium)
            {
                input.Medium = medium;
            }
            else
            {
                Error("Medium", l["Ledger.Import.UnknownChoice", Cell("Medium")]);
            }

            if (Choice<PeopleRange>(Cell("People"), "Ledger.People.") is { } people)
            {
                input.People = people;
            }
            else
            {
                Error("People", l["Ledger.Import.UnknownChoice", Cell("People")]);
            }

            foreach (var field in new[] { "SpecialCareData", "EncryptedAtRest", "RetainedPersonalData" })
            {
                if (Flag(Raw(field)) is { } flag)
                {
                    typeof(LedgerInput).GetProperty(field)!.SetValue(input, flag);
                }
                else
                {
                    Error(field, l["Ledger.Import.YesOrNo", Cell(field)]);
                }
            }

            var countries = Cell("Countries").Split([',', '、', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToUpperInvariant()).Distinct().ToList();
            if (countries.Count == 0)
            {
                Error("Countries", l["Contractors.CountriesRequired"]);
            }

            foreach (var unknown in countries.Where(c => !Countries.IsKnown(c)))
            {
                Error("Countries", l["Contractors.UnknownCountry", unknown]);
            }

            input.Countries = countries;

            foreach (var name in Cell("Contractors").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var matches = contractors.Where(c => c.Name == name).ToList();
                if (matches.Count == 1)
                {
                    input.ContractorIds.Add(matches[0].Id.ToString());
                }
                else
                {
                    Error("Contractors", l["Ledger.Import.UnknownContractor", name]);
                }
            }

            var reviewed = Raw("LastReviewedOn");
            if (Date(reviewed) is { } date)
            {
                input.LastReviewedOn = date;
            }
            else if (XlsxReading.Text(reviewed).Length > 0)
            {
                Error("LastReviewedOn", l["Ledger.Import.BadDate", XlsxReading.Text(reviewed)]);
            }

            parsed.Add((id, input));
        }

        if (errors.Count > 0)
        {
            return new(0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = parsed.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existing = await db.LedgerEntries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var (id, input) in parsed)
        {
            if (id is { } known)
            {
                input.ApplyTo(existing[known]);
            }
            else
            {
                var entry = new LedgerEntry { Id = Guid.NewGuid(), CreatedAt = now };
                input.ApplyTo(entry);
                db.LedgerEntries.Add(entry);
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(added, parsed.Count - added, []);
    }

    private T? Choice<T>(string text, string prefix) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var names = new[] { value.ToString(), MessageText.Localize(l, "ja", prefix + value, []), MessageText.Localize(l, "en", prefix + value, []) };
            if (names.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private bool? Flag(object? cell)
    {
        if (cell is bool flag)
        {
            return flag;
        }

        var text = XlsxReading.Text(cell);
        if (text.Length == 0)
        {
            return false;
        }

        string[] yes = ["1", "true", "○", MessageText.Localize(l, "ja", "Ledger.Yes", []), MessageText.Localize(l, "en", "Ledger.Yes", [])];
        string[] no = ["0", "false", "-", MessageText.Localize(l, "ja", "Ledger.No", []), MessageText.Localize(l, "en", "Ledger.No", [])];
        return yes.Contains(text, StringComparer.OrdinalIgnoreCase) ? true : no.Contains(text, StringComparer.OrdinalIgnoreCase) ? false : null;
    }

    private static DateOnly? Date(object? cell) => cell switch
    {
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        double serial when serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string text when DateOnly.TryParseExact(text.Trim(), ["yyyy/MM/dd", "yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };
}
