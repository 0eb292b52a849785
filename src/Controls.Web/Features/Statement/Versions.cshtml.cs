using System.Globalization;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Statement;

/// <summary>The published versions, newest first, and the current one as plain text, an HTML fragment or a Word document.</summary>
public class VersionsModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    public sealed record Row(int Number, DateTimeOffset PublishedAt, string PublishedBy, int Countries, int Withheld, int Warnings, string WarningReason);

    public static readonly string[] Formats = ["txt", "html", "docx"];

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await db.StatementVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new Row(v.Number, v.PublishedAt, v.PublishedBy, v.Countries.Count, v.Withheld.Count, v.WarningsJa.Count, v.WarningReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The current (latest) version; the file name carries the publishing date in the organisation's time zone.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, string? lang, CancellationToken cancellationToken)
    {
        var version = await PublishStatement.LatestAsync(db, cancellationToken);
        if (version is null || !Formats.Contains(format))
        {
            return NotFound();
        }

        var language = lang == Languages.English ? Languages.English : Languages.Japanese;
        var document = StatementDocument.FromJson(language, language == Languages.English ? version.ParagraphsEn : version.ParagraphsJa);
        var date = clock.ToLocal(version.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = string.Create(CultureInfo.InvariantCulture, $"security-measures-statement-v{version.Number}-{language}-{date}.{format}");
        return format switch
        {
            "txt" => File(Encoding.UTF8.GetBytes(language == Languages.English ? version.TextEn : version.TextJa), "text/plain; charset=utf-8", name),
            "html" => File(Encoding.UTF8.GetBytes(document.ToHtmlFragment()), "text/html; charset=utf-8", name),
            _ => File(StatementDocx.Write(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name),
        };
    }
}
