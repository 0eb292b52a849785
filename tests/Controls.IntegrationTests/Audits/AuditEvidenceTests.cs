using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// Evidence files on audit tests and findings: the inspections' checks (size, type, content, safe
/// names), downloads scoped like the findings, attach and remove only while the audit is open.
/// </summary>
public class AuditEvidenceTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, string formSelector, string fileName, byte[]? content)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            body.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            body.Add(file, "file", fileName);
        }

        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    [Fact]
    public async Task Evidence_on_tests_and_findings_is_checked_downloaded_by_those_who_see_it_and_frozen_when_the_audit_closes()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, salesHead) = await app.DepartmentWithHeadAsync();
        var (finance, _, financeHead) = await app.DepartmentWithHeadAsync();
        var salesMember = await app.CreateUserAsync([], sales.Id);
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = await PlanAsync(officer, AuditForm("証跡 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [sales.Id, finance.Id]));
        await MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        await RecordFindingAsync(await app.SignInAsync(lead), auditId, FindingClass.MinorNonconformity, sales.Id, "営業部の指摘", salesMember.Id);
        await RecordFindingAsync(await app.SignInAsync(lead), auditId, FindingClass.Observation, finance.Id, "経理部の観察事項");
        var salesFinding = await app.QueryAsync(db => db.Findings.SingleAsync(f => f.AuditId == auditId && f.DepartmentId == sales.Id));
        var financeFinding = await app.QueryAsync(db => db.Findings.SingleAsync(f => f.AuditId == auditId && f.DepartmentId == finance.Id));
        var leadClient = await app.SignInAsync(lead);
        var fieldwork = $"/Audits/Fieldwork/{auditId}";
        var files = app.StoredFiles().Length;

        // Bad files: a message on the page, nothing stored.
        var large = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(leadClient, fieldwork, "[data-testid=upload-form-POL-1]", "scan.pdf", large);
        Assert.Contains("ファイルが大きすぎます。1ファイル 10 MB までです。", await HttpForms.ErrorsAsync(tooLarge));
        var program = await UploadAsync(leadClient, fieldwork, "[data-testid=upload-form-POL-1]", "tool.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Contains("この種類のファイルは添付できません", string.Join(" ", await HttpForms.ErrorsAsync(program)));
        var disguised = await UploadAsync(leadClient, $"/Audits/Finding/{salesFinding.Id}", "[data-testid=upload-form]", "report.pdf", Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>"));
        Assert.Contains("PDF", string.Join(" ", await HttpForms.ErrorsAsync(disguised)));
        var noFile = await UploadAsync(leadClient, fieldwork, "[data-testid=upload-form-POL-1]", "", null);
        Assert.Contains("添付するファイルを選んでください。", await HttpForms.ErrorsAsync(noFile));
        Assert.Equal(files, app.StoredFiles().Length);
        Assert.False(await app.QueryAsync(db => db.AuditEvidence.AnyAsync(e => e.AuditId == auditId)));

        // A test's evidence and each finding's evidence, under safe names.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(leadClient, fieldwork, "[data-testid=upload-form-POL-1]", "C:\\fakepath\\抽出結果<POL-1>.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(leadClient, $"/Audits/Finding/{salesFinding.Id}", "[data-testid=upload-form]", "権限一覧.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(leadClient, $"/Audits/Finding/{financeFinding.Id}", "[data-testid=upload-form]", "貸出簿.pdf", Pdf)).StatusCode);
        Assert.Equal(files + 3, app.StoredFiles().Length);
        var testFile = await app.QueryAsync(db => db.AuditEvidence.SingleAsync(e => e.AuditId == auditId && e.MeasureCode == "POL-1"));
        Assert.Equal("抽出結果POL-1.pdf", testFile.FileName);
        Assert.Equal("application/pdf", testFile.ContentType);
        Assert.Equal(lead.Id, testFile.UploadedById);

        // Downloads: the links on the pages; a department head only their own department's findings.
        var salesLink = (await leadClient.GetPageAsync($"/Audits/Finding/{salesFinding.Id}")).QuerySelector("[data-testid=evidence-link]")!.GetAttribute("href")!;
        var financeLink = (await officer.GetPageAsync($"/Audits/Finding/{financeFinding.Id}")).QuerySelector("[data-testid=evidence-link]")!.GetAttribute("href")!;
        var testLink = (await officer.GetPageAsync($"/Audits/Report/{auditId}")).QuerySelector("[data-testid=evidence-link]")!.GetAttribute("href")!;
        var download = await officer.GetAsync(salesLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.OK, (await salesHead.GetAsync(salesLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await salesHead.GetAsync(financeLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await salesHead.GetAsync(testLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await financeHead.GetAsync(salesLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await financeHead.GetAsync(financeLink)).StatusCode);
        var (_, _, strangerHead) = await app.DepartmentWithHeadAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await strangerHead.GetAsync(salesLink)).StatusCode);
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync(testLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Audits/Report/{auditId}?handler=Evidence&evidenceId={Guid.NewGuid()}")).StatusCode);

        // Only auditors and compliance officers attach: the department head reads, and is refused.
        var headPage = await salesHead.GetPageAsync($"/Audits/Finding/{salesFinding.Id}");
        Assert.Null(headPage.QuerySelector("[data-testid=upload-form]"));
        var headUpload = await salesHead.PostHandlerAsync($"/Audits/Finding/{salesFinding.Id}", "UploadEvidence", []);
        Assert.Equal(HttpStatusCode.Forbidden, headUpload.StatusCode);

        // Removed by an auditor while the audit is open: the record and the file are gone.
        var page = await leadClient.GetPageAsync(fieldwork);
        var removed = await leadClient.SubmitFormAsync(page, [], "[data-testid=evidence-POL-1] [data-testid=delete-evidence]");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.QueryAsync(db => db.AuditEvidence.AnyAsync(e => e.Id == testFile.Id)));
        Assert.Equal(files + 2, app.StoredFiles().Length);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(testLink)).StatusCode);

        // Once the audit is closed, nothing is attached or removed any more.
        var findingPage = await leadClient.GetPageAsync($"/Audits/Finding/{salesFinding.Id}");
        await MoveAsync(officer, auditId, AuditStatus.Reporting, AuditStatus.Closed);
        var late = await leadClient.SubmitFormAsync(findingPage, [], "[data-testid=delete-evidence]");
        Assert.Contains("完了または中止した監査には、証跡を添付・削除できません。", await HttpForms.ErrorsAsync(late));
        Assert.Null((await leadClient.GetPageAsync($"/Audits/Finding/{salesFinding.Id}")).QuerySelector("[data-testid=upload-form]"));
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEvidence.CountAsync(e => e.AuditId == auditId)));
        Assert.Equal(files + 2, app.StoredFiles().Length);
    }
}
