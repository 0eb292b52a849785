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

    [Fact]
    public async Task Only_the_audits_lead_and_team_record_its_fieldwork_a_compliance_officer_and_other_auditors_read_it()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, _) = await app.DepartmentWithHeadAsync();
        var member = await app.CreateUserAsync([], sales.Id);
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var other = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = await AuditTests.PlanAsync(officer, AuditTests.AuditForm("独立性 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [sales.Id]));
        await AuditTests.MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        var url = $"/Audits/Fieldwork/{auditId}";
        const string refused = "実地監査・指摘事項・有効性の確認は、この監査の監査責任者と監査チームのメンバーのみが記録できます。";

        foreach (var reader in new[] { officer, await app.SignInAsync(other) })
        {
            var page = await reader.GetPageAsync(url);
            Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));
            Assert.NotNull(page.QuerySelector("fieldset[disabled] [data-testid=finding-form]"));
            var test = await reader.SubmitFormAsync(page, new() { ["Test.Procedure"] = "見ただけ", ["Test.Result"] = "Conforming" }, "section[data-code='POL-1'] form");
            Assert.Contains(refused, await HttpForms.ErrorsAsync(test));
            var finding = await AuditTests.RecordFindingAsync(reader, auditId, FindingClass.MinorNonconformity, sales.Id, "記録できないはず", member.Id);
            Assert.Contains(refused, await HttpForms.ErrorsAsync(finding));
        }

        Assert.False(await app.QueryAsync(db => db.AuditTests.AnyAsync(t => t.AuditId == auditId)));
        Assert.False(await app.QueryAsync(db => db.Findings.AnyAsync(f => f.AuditId == auditId)));
        var leadPage = await (await app.SignInAsync(lead)).GetPageAsync(url);
        Assert.Null(leadPage.QuerySelector("[data-testid=read-only]"));
        Assert.Null(leadPage.QuerySelector("fieldset[disabled] [data-testid=finding-form]"));
    }

    [Fact]
    public async Task An_auditor_who_has_moved_to_the_findings_department_may_not_verify_its_corrective_action()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, _) = await app.DepartmentWithHeadAsync();
        var owner = await app.CreateUserAsync([], sales.Id);
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = await AuditTests.PlanAsync(officer, AuditTests.AuditForm("検証の独立性 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [sales.Id]));
        await AuditTests.MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        var recorded = await AuditTests.RecordFindingAsync(await app.SignInAsync(lead), auditId, FindingClass.MinorNonconformity, sales.Id, "鍵の管理簿がない", owner.Id);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await AuditTests.MoveAsync(officer, auditId, AuditStatus.Reporting, AuditStatus.Closed);
        var finding = await app.QueryAsync(db => db.Findings.Include(f => f.CorrectiveAction).SingleAsync(f => f.AuditId == auditId));
        var implemented = await (await app.SignInAsync(owner)).SubmitFormAsync("/Actions", new() { ["status"] = "Implemented" }, $"[data-id='{finding.CorrectiveActionId}'] [data-testid=status-form]");
        Assert.Equal(HttpStatusCode.Redirect, implemented.StatusCode);

        // Once the audit is closed the lead may change department; now in sales, they verify nothing of sales.
        await app.QueryAsync(async db => { (await db.Users.SingleAsync(u => u.Id == lead.Id)).DepartmentId = sales.Id; return await db.SaveChangesAsync(); });
        var leadClient = await app.SignInAsync(lead);
        var url = $"/Audits/Finding/{finding.Id}";
        Assert.Null((await leadClient.GetPageAsync(url)).QuerySelector("[data-testid=verify-form]"));
        var version = await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.Id == finding.CorrectiveActionId).Select(a => a.Version).SingleAsync());
        var verify = await leadClient.PostHandlerAsync(url, "Verify", new() { ["effective"] = "true", ["note"] = "自部門を確認", ["actionVersion"] = version });
        Assert.Contains("ご自身の所属部門の是正処置について有効性の確認はできません(監査の独立性)。", await HttpForms.ErrorsAsync(verify));
        Assert.Equal(CorrectiveActionStatus.Implemented, await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.Id == finding.CorrectiveActionId).Select(a => a.Status).SingleAsync()));

        // An auditor not on the audit's team may not verify it either.
        var outsider = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id));
        Assert.Null((await outsider.GetPageAsync(url)).QuerySelector("[data-testid=verify-form]"));
        var notTeam = await outsider.PostHandlerAsync(url, "Verify", new() { ["effective"] = "true", ["note"] = "確認", ["actionVersion"] = version });
        Assert.Contains("実地監査・指摘事項・有効性の確認は、この監査の監査責任者と監査チームのメンバーのみが記録できます。", await HttpForms.ErrorsAsync(notTeam));
        Assert.Equal(CorrectiveActionStatus.Implemented, await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.Id == finding.CorrectiveActionId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_compliance_officer_who_heads_the_department_may_not_review_its_inspection()
    {
        var department = await app.CreateDepartmentAsync();
        var officerHead = await app.CreateUserAsync([Roles.ComplianceOfficer, Roles.DepartmentHead], department.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await app.QueryAsync(async db =>
        {
            var stored = await db.Inspections.SingleAsync(i => i.Id == inspection.Id);
            stored.Status = InspectionStatus.Submitted;
            stored.SubmittedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        var url = $"/Inspections/Review/Decide/{inspection.Id}";
        var client = await app.SignInAsync(officerHead);

        var page = await client.GetPageAsync(url);
        Assert.Equal("ご自身が部門責任者である部門の自己点検は審査(承認・差戻し)できません。別の個人情報保護管理者に依頼してください。",
            page.QuerySelector("[data-testid=review-refused]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=accept]"));
        var version = await app.QueryAsync(db => db.Inspections.Where(i => i.Id == inspection.Id).Select(i => i.Version).SingleAsync());
        foreach (var handler in new[] { "Accept", "Return" })
        {
            var response = await client.PostHandlerAsync(url, handler, new() { ["Version"] = version, ["Comment"] = "自部門を承認" });
            Assert.Contains("ご自身が部門責任者である部門の自己点検は審査(承認・差戻し)できません。別の個人情報保護管理者に依頼してください。", await HttpForms.ErrorsAsync(response));
        }

        Assert.Equal(InspectionStatus.Submitted, await app.QueryAsync(db => db.Inspections.Where(i => i.Id == inspection.Id).Select(i => i.Status).SingleAsync()));

        // Another compliance officer reviews it.
        var (other, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.NotNull((await other.GetPageAsync(url)).QuerySelector("[data-testid=accept]"));
    }
}
