using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.IntegrationTests.Reports;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// Audits keep to their people: fieldwork, findings and verification belong to the audit's lead and
/// team (compliance officers read), nobody verifies or reviews their own department's work, and the
/// report's workbook shows a reader exactly what the report page shows them.
/// </summary>
public class AuditSeparationTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static List<string> Cells(byte[] xlsx) =>
        DashboardTests.Read(xlsx).Values.SelectMany(rows => rows).SelectMany(row => row).Select(c => c?.ToString() ?? "").ToList();

    [Fact]
    public async Task The_report_workbook_holds_exactly_what_the_report_shows_its_reader()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, salesHead) = await app.DepartmentWithHeadAsync();
        var (finance, _, _) = await app.DepartmentWithHeadAsync();
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = await AuditTests.PlanAsync(officer, AuditTests.AuditForm("報告書の範囲 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [sales.Id, finance.Id]));
        await AuditTests.MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        var leadClient = await app.SignInAsync(lead);
        const string note = "経理部の委託先台帳に記載漏れ3件(営業部は問題なし)";
        var saved = await leadClient.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Test.Procedure"] = "台帳と契約書を照合した",
            ["Test.Result"] = "Nonconforming",
            ["Test.Notes"] = note,
        }, "section[data-code='POL-1'] form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The department head of sales: no test notes on the page, none in the workbook (not even the column).
        var page = await salesHead.GetPageAsync($"/Audits/Report/{auditId}");
        Assert.DoesNotContain(note, page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-testid=test-notes]"));
        var headXlsx = await salesHead.GetAsync(page.QuerySelector("[data-testid=xlsx]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, headXlsx.StatusCode);
        var headCells = Cells(await headXlsx.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(note, headCells);
        Assert.DoesNotContain("備考", headCells);
        Assert.Contains("台帳と契約書を照合した", headCells);

        // Those who see every department read the notes on the page and in the workbook alike.
        var officerPage = await officer.GetPageAsync($"/Audits/Report/{auditId}");
        Assert.Equal(note, officerPage.QuerySelector("[data-testid=result-row][data-code='POL-1'] [data-testid=test-notes]")!.TextContent);
        var officerXlsx = await officer.GetAsync($"/Audits/Report/{auditId}?handler=Xlsx");
        Assert.Contains(note, Cells(await officerXlsx.Content.ReadAsByteArrayAsync()));
    }
}
