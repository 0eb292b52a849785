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
public class SessionModel(AppDbContext db, AttendanceImport import, IStringLocalizer<SharedResource> l) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public TrainingSession Session { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public IReadOnlyList<AttendanceImport.LineError> Errors { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public sealed record Row(string EmployeeNumber, string Name, string Email, string Department, bool Completed, int? Score);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", l["Ledger.Import.NoFile"]);
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError("Upload", l["Ledger.Import.TooLarge", MaxBytes / 1024 / 1024]);
            return Page();
        }

        AttendanceImport.Result result;
        if (Path.GetExtension(Upload.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = new MemoryStream();
            await Upload.CopyToAsync(stream, cancellationToken);
            stream.Position = 0;
            result = await import.ImportExcelAsync(id, stream, cancellationToken);
        }
        else
        {
            string text;
            try
            {
                using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("Upload", l["Training.Csv.NotUtf8"]);
                return Page();
            }

            result = await import.ImportCsvAsync(id, text, cancellationToken);
        }

        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            ModelState.AddModelError("Upload", l["Ledger.Import.Failed", result.Errors.Count]);
            return Page();
        }

        TempData["Message"] = l["Training.Csv.Done", result.Recorded].Value;
        return RedirectToPage("Session", new { id });
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
        return true;
    }
}
