using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// Follow-up audits: planned from an audit's open findings (independent like any audit), scoped to
/// those findings, each finding re-checked in the follow-up's fieldwork; a resolved nonconformity is
/// the effectiveness check by an auditor other than the action's owner. Both reports show the link.
/// </summary>
public class AuditFollowUpTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private async Task<AppUser> AuditorAsync() => await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);

    private static async Task<HttpResponseMessage> RecheckAsync(HttpClient client, Guid followUpId, Guid findingId, string result, string notes, Dictionary<string, object>? extra = null)
    {
        var page = await client.GetPageAsync($"/Audits/Fieldwork/{followUpId}");
        var values = new Dictionary<string, object> { ["result"] = result, ["notes"] = notes };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        return await client.SubmitFormAsync(page, values, $"[data-testid=recheck][data-finding='{findingId}'] [data-testid=recheck-form]");
    }

    [Fact]
    public async Task A_follow_up_audit_re_checks_open_findings_until_another_auditor_verifies_the_action()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, salesHead) = await app.DepartmentWithHeadAsync();
        var (finance, _, financeHead) = await app.DepartmentWithHeadAsync();
        // The action's owner is an auditor of the audited department: never independent of it.
        var owner = await app.CreateUserAsync([Roles.Auditor], sales.Id);
        var lead = await AuditorAsync();
        var checker = await AuditorAsync();
        var title = "年次監査 " + Guid.NewGuid().ToString("N")[..6];
        var originalId = await PlanAsync(officer, AuditForm(title, lead.Id, [sales.Id, finance.Id]));
        await MoveAsync(officer, originalId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        await RecordFindingAsync(await app.SignInAsync(lead), originalId, FindingClass.MajorNonconformity, sales.Id, "退職者のアカウントが残っている", owner.Id);
        await RecordFindingAsync(await app.SignInAsync(lead), originalId, FindingClass.Observation, finance.Id, "鍵の貸出記録が一部手書き");
        var finding = await app.QueryAsync(db => db.Findings.Include(f => f.CorrectiveAction).SingleAsync(f => f.AuditId == originalId && f.DepartmentId == sales.Id));
        var observation = await app.QueryAsync(db => db.Findings.SingleAsync(f => f.AuditId == originalId && f.DepartmentId == finance.Id));
        await MoveAsync(officer, originalId, AuditStatus.Reporting);

        // From the report: both open findings are offered, all chosen.
        var report = await officer.GetPageAsync($"/Audits/Report/{originalId}");
        var planUrl = report.QuerySelector("[data-testid=plan-follow-up]")!.GetAttribute("href")!;
        var form = await officer.GetPageAsync(planUrl);
        Assert.Equal([finding.Id.ToString(), observation.Id.ToString()], form.QuerySelectorAll("[data-testid=open-finding]").Select(r => r.GetAttribute("data-id")!));
        Assert.Null((await salesHead.GetPageAsync($"/Audits/Report/{originalId}")).QuerySelector("[data-testid=plan-follow-up]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await salesHead.GetAsync(planUrl)).StatusCode);

        // Independence applies: the owner (of the sales department) cannot lead it. None chosen: refused too.
        var window = new Dictionary<string, object>
        {
            ["Input.WindowStart"] = Date(Start.AddDays(60)),
            ["Input.WindowEnd"] = Date(Start.AddDays(70)),
            ["Input.TeamIds"] = new[] { checker.Id.ToString() },
            ["FindingIds"] = new[] { finding.Id.ToString() },
        };
        var notIndependent = await officer.SubmitFormAsync(form, new(window) { ["Input.LeadAuditorId"] = owner.Id.ToString() }, "[data-testid=follow-up-form]");
        Assert.Contains("自部門を監査できません(監査の独立性)。", string.Join(" ", await HttpForms.ErrorsAsync(notIndependent)));
        var noneChosen = await officer.SubmitFormAsync(form, new(window) { ["FindingIds"] = new List<string>() }, "[data-testid=follow-up-form]");
        Assert.Contains("再確認する未完了の指摘事項を1件以上選択してください。", await HttpForms.ErrorsAsync(noneChosen));
        var closedOne = await officer.SubmitFormAsync(form, new(window) { ["FindingIds"] = new[] { Guid.NewGuid().ToString() } }, "[data-testid=follow-up-form]");
        Assert.Contains("再確認する未完了の指摘事項を1件以上選択してください。", await HttpForms.ErrorsAsync(closedOne));
        Assert.False(await app.QueryAsync(db => db.Audits.AnyAsync(a => a.FollowUpOfAuditId == originalId)));

        // Planned for the sales finding only: scoped to sales and POL-1, on the original's catalog version.
        var created = await officer.SubmitFormAsync(form, window, "[data-testid=follow-up-form]");
        var followUpId = Guid.Parse(created.RedirectPath().Split('/').Last());
        var followUp = await app.QueryAsync(db => db.Audits.AsNoTracking().Include(a => a.Team).SingleAsync(a => a.Id == followUpId));
        var original = await app.QueryAsync(db => db.Audits.AsNoTracking().SingleAsync(a => a.Id == originalId));
        Assert.Equal(originalId, followUp.FollowUpOfAuditId);
        Assert.Equal([sales.Id], followUp.DepartmentIds);
        Assert.Empty(followUp.ContractorIds);
        Assert.Equal(["POL-1"], followUp.MeasureCodes);
        Assert.Equal(original.CatalogVersionId, followUp.CatalogVersionId);
        Assert.Equal(lead.Id, followUp.LeadAuditorId);
        Assert.Equal([checker.Id], followUp.Team.Select(m => m.UserId));
        Assert.Equal([finding.Id], await app.QueryAsync(db => db.FindingRechecks.Where(r => r.AuditId == followUpId).Select(r => r.FindingId).ToListAsync()));
        // A finding being re-checked by an open follow-up is not offered again.
        Assert.Equal([observation.Id.ToString()], (await officer.GetPageAsync(planUrl)).QuerySelectorAll("[data-testid=open-finding]").Select(r => r.GetAttribute("data-id")!));

        // Its scope cannot be narrowed past the findings it re-checks.
        var narrowed = await officer.SubmitFormAsync($"/Audits/Edit/{followUpId}", new() { ["Input.MeasureCodes"] = "RUL-1" }, "[data-testid=audit-form]");
        Assert.Contains("フォローアップ監査の範囲には、再確認する指摘事項の部門(または委託先)と安全管理措置を含めてください。", await HttpForms.ErrorsAsync(narrowed));
        var otherScope = await officer.SubmitFormAsync($"/Audits/Edit/{followUpId}", new() { ["Input.DepartmentIds"] = new[] { finance.Id.ToString() } }, "[data-testid=audit-form]");
        Assert.Contains("フォローアップ監査の範囲には、再確認する指摘事項の部門(または委託先)と安全管理措置を含めてください。", await HttpForms.ErrorsAsync(otherScope));
        Assert.Equal(["POL-1"], (await app.QueryAsync(db => db.Audits.SingleAsync(a => a.Id == followUpId))).MeasureCodes);

        // The original's report shows its follow-up, to the sales head too; finance does not see it.
        Assert.Equal([followUpId.ToString()], (await officer.GetPageAsync($"/Audits/Report/{originalId}")).QuerySelectorAll("[data-testid=follow-up]").Select(e => e.GetAttribute("data-id")!));
        Assert.Equal([followUpId.ToString()], (await salesHead.GetPageAsync($"/Audits/Report/{originalId}")).QuerySelectorAll("[data-testid=follow-up]").Select(e => e.GetAttribute("data-id")!));
        Assert.Empty((await financeHead.GetPageAsync($"/Audits/Report/{originalId}")).QuerySelectorAll("[data-testid=follow-up]"));
        await financeHead.GetPageAsync($"/Audits/Report/{followUpId}", HttpStatusCode.NotFound);

        // Fieldwork of the follow-up: re-checks only while in fieldwork.
        var leadClient = await app.SignInAsync(lead);
        var tooEarly = await RecheckAsync(leadClient, followUpId, finding.Id, "StillOpen", "まだ");
        Assert.Contains("この監査の状況では記録できません。", await HttpForms.ErrorsAsync(tooEarly));
        await MoveAsync(officer, followUpId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        var fieldwork = await leadClient.GetPageAsync($"/Audits/Fieldwork/{followUpId}");
        Assert.Contains(title, fieldwork.QuerySelector("[data-testid=follow-up-of]")!.TextContent);
        var noNotes = await RecheckAsync(leadClient, followUpId, finding.Id, "StillOpen", "  ");
        Assert.Contains("再確認の所見を入力してください。", await HttpForms.ErrorsAsync(noNotes));
        var stillOpen = await RecheckAsync(leadClient, followUpId, finding.Id, "StillOpen", "棚卸しは未実施。退職者2名のアカウントが残っている");
        Assert.Equal(HttpStatusCode.Redirect, stillOpen.StatusCode);
        var recheck = await app.QueryAsync(db => db.FindingRechecks.SingleAsync(r => r.AuditId == followUpId));
        Assert.Equal(RecheckResult.StillOpen, recheck.Result);
        Assert.Equal(lead.Id, recheck.CheckedById);

        // Resolved before the action is implemented: refused, nothing changes.
        var notImplemented = await RecheckAsync(leadClient, followUpId, finding.Id, "Resolved", "解消を確認");
        Assert.Contains("是正処置が実施済みになってから有効性を確認してください。", await HttpForms.ErrorsAsync(notImplemented));
        Assert.Equal(RecheckResult.StillOpen, (await app.QueryAsync(db => db.FindingRechecks.SingleAsync(r => r.Id == recheck.Id))).Result);

        // The owner implements the action, and may not resolve it in the follow-up either.
        var ownerClient = await app.SignInAsync(owner);
        var actions = await ownerClient.GetPageAsync("/Actions");
        var implemented = await ownerClient.SubmitFormAsync(actions, new() { ["status"] = "Implemented" }, $"[data-id='{finding.CorrectiveActionId}'] [data-testid=status-form]");
        Assert.Equal(HttpStatusCode.Redirect, implemented.StatusCode);
        // (An auditor, but not on the follow-up's team.)
        var own = await RecheckAsync(ownerClient, followUpId, finding.Id, "Resolved", "自分で確認した");
        Assert.Contains("実地監査・指摘事項・有効性の確認は、この監査の監査責任者と監査チームのメンバーのみが記録できます。", await HttpForms.ErrorsAsync(own));
        Assert.Equal(RecheckResult.StillOpen, (await app.QueryAsync(db => db.FindingRechecks.SingleAsync(r => r.Id == recheck.Id))).Result);
        Assert.Equal(CorrectiveActionStatus.Implemented, (await app.QueryAsync(db => db.CorrectiveActions.SingleAsync(a => a.Id == finding.CorrectiveActionId))).Status);
        Assert.Equal(FindingStatus.Open, (await app.QueryAsync(db => db.Findings.SingleAsync(f => f.Id == finding.Id))).Status);

        // Another auditor of the team: a stale form is a conflict, then resolved = verified and closed.
        var checkerClient = await app.SignInAsync(checker);
        var stale = await RecheckAsync(checkerClient, followUpId, finding.Id, "Resolved", "確認", new() { ["version"] = "1" });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(stale));
        var resolved = await RecheckAsync(checkerClient, followUpId, finding.Id, "Resolved", "全アカウントの棚卸し結果を確認し、退職者のアカウントがないことを確認した");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var action = await app.QueryAsync(db => db.CorrectiveActions.SingleAsync(a => a.Id == finding.CorrectiveActionId));
        Assert.Equal(CorrectiveActionStatus.Verified, action.Status);
        Assert.Equal(checker.Id, action.VerifiedById);
        Assert.Equal(FindingStatus.Closed, (await app.QueryAsync(db => db.Findings.SingleAsync(f => f.Id == finding.Id))).Status);
        var reopened = await RecheckAsync(checkerClient, followUpId, finding.Id, "StillOpen", "やはり未解決");
        Assert.Contains("この指摘事項はすでに完了しているため、「未解決」とは記録できません。", await HttpForms.ErrorsAsync(reopened));

        // The follow-up's report lists what was re-checked, for the sales head as well.
        var followUpReport = await salesHead.GetPageAsync($"/Audits/Report/{followUpId}");
        var row = followUpReport.QuerySelector("[data-testid=recheck-row]")!;
        Assert.Equal(finding.Id.ToString(), row.GetAttribute("data-id"));
        Assert.Equal("Resolved", row.GetAttribute("data-result"));
        Assert.Contains("退職者のアカウントがないことを確認した", row.TextContent);
        Assert.Contains(title, followUpReport.QuerySelector("[data-testid=follow-up-of]")!.TextContent);
        var xlsx = await salesHead.GetAsync($"/Audits/Report/{followUpId}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream))
        {
            Assert.True(reader.NextResult() && reader.NextResult());
            Assert.Equal("指摘事項の再確認", reader.Name);
            var cells = new List<string>();
            while (reader.Read())
            {
                cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(c => reader.GetValue(c)?.ToString() ?? ""));
            }

            Assert.Contains("解決済み", cells);
            Assert.Contains("全アカウントの棚卸し結果を確認し、退職者のアカウントがないことを確認した", cells);
        }

        // The programme marks it as a follow-up.
        var programme = await officer.GetPageAsync("/Audits?Year=2026");
        Assert.NotNull(programme.QuerySelector($"[data-testid=audit-row][data-id='{followUpId}'] [data-testid=follow-up-badge]"));
        Assert.Null(programme.QuerySelector($"[data-testid=audit-row][data-id='{originalId}'] [data-testid=follow-up-badge]"));

        // Only the finance observation is left to follow up on the original.
        Assert.Equal([observation.Id.ToString()], (await officer.GetPageAsync(planUrl)).QuerySelectorAll("[data-testid=open-finding]").Select(r => r.GetAttribute("data-id")!));
    }
}
