using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>One session's attendance, and its bulk import from CSV (all lines or none).</summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public class SessionModel(AppDbContext db, AttendanceImport import, TestResultImport resultImport, IStringLocalizer<SharedResource> l) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public TrainingSession Session { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public IReadOnlyList<AttendanceImport.LineError> Errors { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>A file of comprehension-test results (POST Results).</summary>
    [BindProperty]
    public IFormFile? ResultsUpload { get; set; }

    /// <summary>The session's comprehension test (current version), if it has one.</summary>
    public (int Version, int Questions, int PassMark)? Test { get; private set; }
    public List<ResultRow> Results { get; private set; } = [];
    public IReadOnlyList<AttendanceImport.LineError> ResultErrors { get; private set; } = [];

    public sealed record ResultRow(string EmployeeNumber, string Name, int Version, DateOnly TakenOn, int? Score, bool Passed, TestResultSource Source);

    public sealed record Row(string EmployeeNumber, string Name, string Email, string Department, bool Completed, int? Score);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await ReadAsync(Upload, "Upload", id, import.ImportCsvAsync, import.ImportExcelAsync, cancellationToken);
        if (result is null || result.Errors.Count > 0)
        {
            Errors = result?.Errors ?? [];
            return Page();
        }

        TempData["Message"] = l["Training.Csv.Done", result.Recorded].Value;
        return RedirectToPage("Session", new { id });
    }

    /// <summary>Comprehension-test results from a file (TestResultImport): all rows or none.</summary>
    public async Task<IActionResult> OnPostResultsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await ReadAsync(ResultsUpload, "ResultsUpload", id, resultImport.ImportCsvAsync, resultImport.ImportExcelAsync, cancellationToken);
        if (result is null || result.Errors.Count > 0)
        {
            ResultErrors = result?.Errors ?? [];
            return Page();
        }

        TempData["Message"] = l["Test.Import.Done", result.Recorded].Value;
        return RedirectToPage("Session", new { id });
    }

    /// <summary>Reads an uploaded CSV or .xlsx and imports it; null (with the problem on the field) when the file itself is refused.</summary>
    private async Task<AttendanceImport.Result?> ReadAsync(IFormFile? upload, string field, Guid id,
        Func<Guid, string, CancellationToken, Task<AttendanceImport.Result>> csv, Func<Guid, Stream, CancellationToken, Task<AttendanceImport.Result>> excel,
        CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(field, l["Ledger.Import.NoFile"]);
            return null;
        }

        if (upload.Length > MaxBytes)
        {
            ModelState.AddModelError(field, l["Ledger.Import.TooLarge", MaxBytes / 1024 / 1024]);
            return null;
        }

        AttendanceImport.Result result;
        if (Path.GetExtension(upload.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = new MemoryStream();
            await upload.CopyToAsync(stream, cancellationToken);
            stream.Position = 0;
            result = await excel(id, stream, cancellationToken);
        }
        else
        {
            string text;
            try
            {
                using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError(field, l["Training.Csv.NotUtf8"]);
                return null;
            }

            result = await csv(id, text, cancellationToken);
        }

        if (result.Errors.Count > 0)
        {
            ModelState.AddModelError(field, l["Ledger.Import.Failed", result.Errors.Count]);
        }

        return result;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var language = Languages.Current;
        var session = await db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Rows = (await db.TrainingAttendances.AsNoTracking().Where(a => a.SessionId == id)
            .Select(a => a.StaffMember != null
                ? new Row(a.StaffMember.EmployeeNumber, a.StaffMember.Name, a.StaffMember.Email ?? "",
                    language == "en" ? a.StaffMember.Department.NameEn : a.StaffMember.Department.NameJa, a.Completed, a.Score)
                : new Row("", a.User!.DisplayName, a.User.Email ?? "",
                    a.User.Department == null ? "" : (language == "en" ? a.User.Department.NameEn : a.User.Department.NameJa), a.Completed, a.Score))
            .ToListAsync())
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal).ToList();
        Test = (await db.TrainingTests.AsNoTracking().Where(t => t.SessionId == id).OrderByDescending(t => t.Version)
            .Select(t => new { t.Version, Questions = t.Questions.Count, t.PassMark }).FirstOrDefaultAsync()) is { } test
            ? (test.Version, test.Questions, test.PassMark) : null;
        Results = (await db.TrainingTestResults.AsNoTracking().Where(r => r.SessionId == id)
            .Select(r => new
            {
                EmployeeNumber = r.StaffMember != null ? r.StaffMember.EmployeeNumber : "",
                Name = r.StaffMember != null ? r.StaffMember.Name : r.User!.DisplayName,
                r.Test.Version,
                r.TakenOn,
                r.Score,
                r.Passed,
                r.Source,
                r.RecordedAt,
            })
            .ToListAsync())
            .OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.RecordedAt).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ResultRow(r.EmployeeNumber, r.Name, r.Version, r.TakenOn, r.Score, r.Passed, r.Source)).ToList();
        return true;
    }
}
