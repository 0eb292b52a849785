using System.Net;
using System.Security.Cryptography;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>Evidence files: checked before they are stored, stored outside the web root under a new name, served only to those who may see the inspection.</summary>
public class EvidenceTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task An_attached_file_is_stored_under_a_new_name_with_its_hash_and_downloaded_only_by_those_who_may_see_it()
    {
        var (department, headUser, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var url = InspectionForms.Url(inspection.Id);

        var uploaded = await head.UploadAsync(inspection.Id, "POL-1.1", "C:\\fakepath\\点検記録<2026>\u202E.pdf", Pdf, "text/html");
        Assert.Equal($"{url}#item-POL-1.1", uploaded.RedirectPath());

        var evidence = await app.QueryAsync(db => db.Evidence.Include(e => e.Answer).SingleAsync(e => e.Answer!.InspectionId == inspection.Id));
        Assert.Equal("点検記録2026.pdf", evidence.FileName);
        Assert.Equal("application/pdf", evidence.ContentType);   // from the type, never from the browser
        Assert.Equal(Pdf.Length, evidence.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), evidence.Sha256);
        Assert.Equal(headUser.Id, evidence.UploadedById);
        Assert.Null(evidence.Answer!.Value);                       // evidence may come before the answer
        Assert.DoesNotContain("点検記録", evidence.StoragePath);
        var stored = Path.Combine(app.EvidenceDirectory, evidence.StoragePath);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(stored));
        Assert.Equal(InspectionStatus.InProgress, (await app.ReloadAsync(inspection.Id)).Status);

        var page = await head.GetPageAsync(url);
        var link = page.QuerySelector("[data-testid='evidence-POL-1.1'] [data-testid=evidence-link]")!;
        Assert.Equal("点検記録2026.pdf", link.TextContent.Trim());
        var href = link.GetAttribute("href")!;

        var download = await head.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("点検記録2026.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var (_, _, otherHead) = await app.DepartmentWithHeadAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync(href)).StatusCode);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(href)).StatusCode);
        // The same evidence asked for through another inspection's page is not found either.
        var other = await app.CreateInspectionAsync(department.Id, "POL-1");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(href.Replace(inspection.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal))).StatusCode);

        // Removed while the inspection is open: the record and the file go.
        var removed = await head.SubmitFormAsync(page, [], "[data-testid='evidence-POL-1.1'] form[action*='DeleteEvidence']");
        Assert.Equal($"{url}#item-POL-1.1", removed.RedirectPath());
        Assert.False(await app.QueryAsync(db => db.Evidence.AnyAsync(e => e.Id == evidence.Id)));
        Assert.False(File.Exists(stored));
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03], "この種類のファイルは添付できません。" },
        { "page.html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "この種類のファイルは添付できません。" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "この種類のファイルは添付できません。" },
        { "report.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "ファイルの内容が PDF ファイルではありません。" },
        { "invoice.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "ファイルの内容が PDF ファイルではありません。" },
        { "notes.txt", Encoding.UTF8.GetBytes("  <script>alert(1)</script>"), "ファイルの内容が TXT ファイルではありません。" },
        { "photo.png", Encoding.UTF8.GetBytes("GIF89a not a png"), "ファイルの内容が PNG ファイルではありません。" },
        { ".pdf", Pdf, "この種類のファイルは添付できません。" },
        { "empty.pdf", [], "空のファイルは添付できません。" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_disallowed_or_disguised_file_is_refused_with_a_message_and_nothing_is_stored(string name, byte[] content, string message)
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var files = app.StoredFiles().Length;

        var response = await head.UploadAsync(inspection.Id, "POL-1.2", name, content);
        Assert.Contains(await HttpForms.ErrorsAsync(response), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(files, app.StoredFiles().Length);
        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == inspection.Id)));
        Assert.Equal(InspectionStatus.NotStarted, (await app.ReloadAsync(inspection.Id)).Status);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_stored()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var files = app.StoredFiles().Length;
        var large = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(large, 0);

        var response = await head.UploadAsync(inspection.Id, "POL-1.3", "scan.pdf", large);
        Assert.Contains("ファイルが大きすぎます。1ファイル 10 MB までです。", await HttpForms.ErrorsAsync(response));
        Assert.Equal(files, app.StoredFiles().Length);
        Assert.False(await app.QueryAsync(db => db.Evidence.AnyAsync(e => e.Answer!.InspectionId == inspection.Id)));

        // Exactly at the limit is fine.
        var atLimit = await head.UploadAsync(inspection.Id, "POL-1.3", "scan.pdf", large[..^1]);
        Assert.Equal(HttpStatusCode.Redirect, atLimit.StatusCode);
        Assert.Equal(files + 1, app.StoredFiles().Length);
    }

    [Fact]
    public async Task No_evidence_is_attached_or_removed_once_the_inspection_is_submitted()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await head.UploadAsync(inspection.Id, "POL-1.1", "before.pdf", Pdf);
        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        await using (var db = app.Db())
        {
            await db.Inspections.Where(i => i.Id == inspection.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InspectionStatus.Submitted));
        }

        var files = app.StoredFiles().Length;
        var removed = await head.SubmitFormAsync(page, [], "[data-testid='evidence-POL-1.1'] form[action*='DeleteEvidence']");
        Assert.Contains("この自己点検は提出済みのため、変更できません。", await HttpForms.ErrorsAsync(removed));
        Assert.Equal(files, app.StoredFiles().Length);
        Assert.True(await app.QueryAsync(db => db.Evidence.AnyAsync(e => e.Answer!.InspectionId == inspection.Id)));
        Assert.Null((await head.GetPageAsync(InspectionForms.Url(inspection.Id))).QuerySelector("[data-testid^=upload-form]"));
    }

    [Fact]
    public async Task When_the_database_refuses_the_record_the_file_written_for_it_is_removed()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await using (var db = app.Db())
        {
            // A real failure inside the transaction, after the file was written: the database refuses this one name.
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsSqlite
                ? """
                  CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence
                  WHEN NEW.file_name = 'refused-by-the-database.pdf'
                  BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;
                  """
                : """
                  CREATE OR REPLACE FUNCTION refuse_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                    IF NEW.file_name = 'refused-by-the-database.pdf' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                    RETURN NEW;
                  END $$;
                  DROP TRIGGER IF EXISTS refuse_evidence ON evidence;
                  CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION refuse_evidence();
                  """);
        }

        var files = app.StoredFiles().Length;
        var response = await head.UploadAsync(inspection.Id, "POL-1.4", "refused-by-the-database.pdf", Pdf);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(files, app.StoredFiles().Length);
        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == inspection.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await head.UploadAsync(inspection.Id, "POL-1.4", "accepted.pdf", Pdf)).StatusCode);
        Assert.Equal(files + 1, app.StoredFiles().Length);
    }
}
