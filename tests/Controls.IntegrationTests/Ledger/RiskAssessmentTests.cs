using System.Net;
using System.Text;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Notifications;
using Controls.IntegrationTests.Reports;
using Controls.Web.Domain;
using Controls.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Ledger;

/// <summary>
/// The risk assessment of the personal-data ledger (個人情報の特定とリスク分析), as people use it: a
/// department head assesses each life-cycle stage of an entry, the compliance officer accepts the
/// residual risk, the risk register and its export show one row per entry × stage, and a year later
/// the head is reminded once, by a link that opens the assessment.
/// </summary>
public class RiskAssessmentTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<LedgerEntry> EntryAsync(Guid departmentId, string name = "会員名簿")
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            Kind = "顧客情報",
            Countries = ["JP"],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>Every stage filled in on the form; the transfer stage has a high risk whose residual risk (2 × 2) needs acceptance.</summary>
    private static Dictionary<string, object> EveryStage(Guid? measure = null)
    {
        var values = new Dictionary<string, object>();
        foreach (var (stage, i) in Enum.GetValues<LifeCycleStage>().Select((s, i) => (s, i)))
        {
            var transfer = stage == LifeCycleStage.Transfer;
            values[$"Stages[{i}].Risk"] = transfer ? "メール誤送信による漏えい" : "紛失";
            values[$"Stages[{i}].Likelihood"] = transfer ? 3 : 2;
            values[$"Stages[{i}].Impact"] = 3;
            values[$"Stages[{i}].Measures"] = transfer ? "添付ファイルの暗号化と送信前の宛先確認" : "施錠保管";
            values[$"Stages[{i}].ResidualLikelihood"] = transfer ? 2 : 1;
            values[$"Stages[{i}].ResidualImpact"] = transfer ? 2 : 2;
            if (transfer && measure is { } id)
            {
                values[$"Stages[{i}].MeasureIds"] = new[] { id.ToString() };
            }
        }

        return values;
    }

    private async Task<int> RemindAtAsync(DateTimeOffset instant)
    {
        app.Clock.Set(instant);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendRiskAssessmentReminders>().RunAsync();
    }

    [Fact]
    public async Task A_head_assesses_the_stages_the_officer_accepts_the_register_and_export_show_it_and_a_year_later_the_head_is_reminded_once()
    {
        var catalog = await app.CatalogAsync();
        var tec4 = await app.QueryAsync(db => db.Measures.Where(m => m.CatalogVersionId == catalog.Id && m.Code == "TEC-4").Select(m => m.Id).SingleAsync());
        var (department, head) = await app.CreateDepartmentWithHeadAsync("営業部 " + Guid.NewGuid().ToString("N")[..4], "Sales");
        var entry = await EntryAsync(department.Id);
        app.Clock.Set(Jst(2031, 4, 10, 10));

        // The head opens the assessment from the ledger and fills in every stage.
        var headClient = await app.SignInAsync(head);
        var ledger = await headClient.GetPageAsync("/Ledger");
        Assert.Contains(ledger.QuerySelectorAll($"tr[data-entry='{entry.Id}'] [data-testid=risk] a"), a => a.GetAttribute("href") == $"/Ledger/Risk/{entry.Id}");
        var form = await headClient.GetPageAsync($"/Ledger/Risk/{entry.Id}");
        Assert.Equal(7, form.QuerySelectorAll("section[data-stage]").Length);
        Assert.Equal(["取得", "入力", "移送・送信", "利用・加工", "保管・バックアップ", "委託・提供", "消去・廃棄"],
            form.QuerySelectorAll("section[data-stage] h2").Select(h => h.TextContent.Split(". ")[1]).ToArray());
        var saved = await headClient.FollowAsync(await headClient.SubmitFormAsync(form, EveryStage(tec4)));
        Assert.Contains("リスク分析を保存しました", saved.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("2031/04/10", saved.QuerySelector("[data-testid=assessed-on]")!.TextContent);
        Assert.Equal("2032/04/10", saved.QuerySelector("[data-testid=next-assessment]")!.TextContent);
        Assert.NotNull(saved.QuerySelector("[data-testid=state-pending]"));
        var transfer = saved.QuerySelector("section[data-stage=Transfer]")!;
        Assert.Contains("9 高", transfer.QuerySelector(".card-header")!.TextContent);
        Assert.Contains("4 中", transfer.QuerySelector(".card-header")!.TextContent);
        Assert.NotNull(transfer.QuerySelector("[data-testid=pending]"));
        Assert.Null(saved.QuerySelector("section[data-stage=Acquisition] [data-testid=pending]"));
        Assert.Null(saved.QuerySelector("[data-testid=accept-link]"));

        // The compliance officer accepts the residual risk with a comment.
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer]);
        var officerClient = await app.SignInAsync(officer);
        var officerView = await officerClient.GetPageAsync($"/Ledger/Risk/{entry.Id}");
        Assert.Equal($"/Ledger/RiskAcceptance/{entry.Id}", officerView.QuerySelector("[data-testid=accept-link]")!.GetAttribute("href"));
        var acceptance = await officerClient.GetPageAsync($"/Ledger/RiskAcceptance/{entry.Id}");
        Assert.Equal(["Transfer"], acceptance.QuerySelectorAll("[data-testid=pending-stages] tr[data-stage]").Select(r => r.GetAttribute("data-stage")!).ToArray());
        var accepted = await officerClient.FollowAsync(await officerClient.SubmitFormAsync(acceptance, new() { ["Comment"] = "暗号化の運用を条件に受容する" }));
        Assert.Contains("残存リスクを受容しました", accepted.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(accepted.QuerySelector("[data-testid=state-complete]"));
        var stored = await app.QueryAsync(db => db.RiskAssessmentStages.AsNoTracking().SingleAsync(s => s.RiskAssessment.LedgerEntryId == entry.Id && s.Stage == LifeCycleStage.Transfer));
        Assert.Equal(officer.Id, stored.AcceptedById);
        Assert.Equal("暗号化の運用を条件に受容する", stored.AcceptanceComment);
        Assert.Equal([tec4], stored.MeasureIds);

        // The register shows the entry's seven stages, with the acceptance on the transfer row.
        var register = await officerClient.GetPageAsync($"/Ledger/Risks?DepartmentId={department.Id}");
        var rows = register.QuerySelectorAll($"tr[data-entry='{entry.Id}']");
        Assert.Equal(7, rows.Length);
        var transferRow = rows.Single(r => r.GetAttribute("data-stage") == "Transfer");
        Assert.Contains(LedgerEntry.ReferenceOf(entry.Id), transferRow.TextContent);
        Assert.Contains("TEC-4", transferRow.TextContent);
        Assert.Contains(officer.DisplayName, transferRow.QuerySelector("[data-testid=acceptance]")!.TextContent);
        Assert.Contains("2031/04/10", transferRow.QuerySelector("[data-testid=acceptance]")!.TextContent);
        Assert.Contains("2032/04/10", transferRow.QuerySelector("[data-testid=next]")!.TextContent);

        // The export: one row per entry × stage, in the layout PrivacyMark offices know.
        var csvResponse = await officerClient.GetAsync($"/Ledger/Risks?handler=Export&format=csv&DepartmentId={department.Id}");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var csv = ExportsFollowTheListTests.ParseCsv(Encoding.UTF8.GetString((await csvResponse.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(["管理番号", "個人情報の名称", "部門", "ライフサイクル", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク", "受容(者/日)", "次回見直し"], csv[0]);
        Assert.Equal(7, csv.Count(r => r.Length > 1 && r[1] == entry.Name));
        var exported = csv.Single(r => r.Length > 3 && r[1] == entry.Name && r[3] == "移送・送信");
        Assert.Equal(LedgerEntry.ReferenceOf(entry.Id), exported[0]);
        Assert.Equal(["メール誤送信による漏えい", "3", "3", "9"], exported[4..8]);
        Assert.Contains("添付ファイルの暗号化", exported[8]);
        Assert.Contains("TEC-4", exported[8]);
        Assert.Equal("4", exported[9]);
        Assert.EndsWith("2031/04/10", exported[10]);
        Assert.Equal("2032/04/10", exported[11]);

        // A year later the head is reminded, once however often the job runs, and the link opens the assessment.
        await RemindAtAsync(Jst(2032, 3, 10, 8));
        Assert.Empty(await app.KeysAsync(head.Id, entry.Id));
        await RemindAtAsync(Jst(2032, 4, 11, 8));
        await RemindAtAsync(Jst(2032, 4, 11, 9));
        await RemindAtAsync(Jst(2032, 4, 12, 8));
        var key = $"risk-assessment:{entry.Id}:2032-04-10:overdue";
        Assert.Equal([key], await app.KeysAsync(head.Id, entry.Id));
        var notice = await app.NotificationAsync(head.Id, key);
        Assert.Equal($"【期限超過】リスク分析の見直し:{entry.Name}", notice.Subject);
        Assert.Contains("リスク分析の見直しの期限 2032/04/10 を過ぎています(1 日超過)", notice.Body);
        Assert.Equal($"/Ledger/Risk/{entry.Id}", notice.Link);
        headClient = await app.SignInAsync(head);
        var notifications = await headClient.GetPageAsync("/Notifications");
        var open = await headClient.SubmitFormAsync(notifications, [], $"form[action*='{notice.Id}']");
        Assert.Equal($"/Ledger/Risk/{entry.Id}", open.RedirectPath());
        var opened = await headClient.GetPageAsync(open.RedirectPath());
        Assert.NotNull(opened.QuerySelector("[data-testid=state-overdue]"));
        Assert.NotNull(opened.QuerySelector("[data-testid=risk-form]"));
    }

    [Fact]
    public async Task An_impossible_likelihood_or_unknown_measure_is_refused_with_a_message_and_nothing_is_saved()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("総務部", "General Affairs");
        var entry = await EntryAsync(department.Id);
        var client = await app.SignInAsync(head);
        var form = await client.GetPageAsync($"/Ledger/Risk/{entry.Id}");

        var values = EveryStage();
        values["Stages[0].Likelihood"] = 7;
        var errors = await HttpForms.ErrorsAsync(await client.SubmitFormAsync(form, values));
        Assert.Contains("発生可能性は1〜3の中から選んでください。", errors);

        values = EveryStage();
        values["Stages[2].MeasureIds"] = new[] { Guid.NewGuid().ToString() };
        errors = await HttpForms.ErrorsAsync(await client.SubmitFormAsync(form, values));
        Assert.Contains("選択された安全管理措置は、現行版のチェックリストにありません。", errors);

        values = EveryStage();
        values["Stages[4].ResidualLikelihood"] = 3;
        values["Stages[4].ResidualImpact"] = 3;
        errors = await HttpForms.ErrorsAsync(await client.SubmitFormAsync(form, values));
        Assert.Contains("残存リスクの値が、対策前のリスク値を上回っています。", errors);

        Assert.False(await app.QueryAsync(db => db.RiskAssessments.AnyAsync(a => a.LedgerEntryId == entry.Id)));
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_save_is_refused_and_shows_the_newer_assessment()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("経理部", "Accounting");
        var entry = await EntryAsync(department.Id);
        var client = await app.SignInAsync(head);
        var officerClient = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer]));
        await client.FollowAsync(await client.SubmitFormAsync($"/Ledger/Risk/{entry.Id}", EveryStage()));

        var stale = await client.GetPageAsync($"/Ledger/Risk/{entry.Id}");
        var officerValues = EveryStage();
        officerValues["Stages[0].Risk"] = "個人情報保護管理者が書き直したリスク";
        await officerClient.FollowAsync(await officerClient.SubmitFormAsync($"/Ledger/Risk/{entry.Id}", officerValues));

        var values = EveryStage();
        values["Stages[0].Risk"] = "古い画面からの変更";
        var response = await client.SubmitFormAsync(stale, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HttpForms.ParseAsync(response);
        Assert.Contains("ほかの人がこのデータを変更しています", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("個人情報保護管理者が書き直したリスク", page.QuerySelector("textarea[name='Stages[0].Risk']")!.TextContent.Trim());
        Assert.Equal("個人情報保護管理者が書き直したリスク", await app.QueryAsync(db => db.RiskAssessmentStages
            .Where(s => s.RiskAssessment.LedgerEntryId == entry.Id && s.Stage == LifeCycleStage.Acquisition).Select(s => s.Risk).SingleAsync()));

        // The officer's acceptance: a comment too long is refused with a message and nothing is accepted.
        var acceptance = await officerClient.GetPageAsync($"/Ledger/RiskAcceptance/{entry.Id}");
        var errors = await HttpForms.ErrorsAsync(await officerClient.SubmitFormAsync(acceptance, new() { ["Comment"] = new string('あ', 2001) }));
        Assert.Contains(errors, e => e.Contains("2000"));
        Assert.False(await app.QueryAsync(db => db.RiskAssessmentStages.AnyAsync(s => s.RiskAssessment.LedgerEntryId == entry.Id && s.AcceptedAt != null)));
    }

    [Fact]
    public async Task Another_departments_head_gets_404_a_division_head_and_auditors_read_only_and_only_officers_accept()
    {
        var (division, divisionHead) = await app.CreateDepartmentWithHeadAsync("営業本部", "Sales Division");
        var (department, head) = await app.CreateDepartmentWithHeadAsync("営業一課", "Sales 1", division.Id);
        var (_, otherHead) = await app.CreateDepartmentWithHeadAsync("製造部", "Manufacturing");
        var entry = await EntryAsync(department.Id);
        var headClient = await app.SignInAsync(head);
        await headClient.FollowAsync(await headClient.SubmitFormAsync($"/Ledger/Risk/{entry.Id}", EveryStage()));

        // Another department's head: the entry does not exist for them, nor in their register.
        var other = await app.SignInAsync(otherHead);
        await other.GetPageAsync($"/Ledger/Risk/{entry.Id}", HttpStatusCode.NotFound);
        Assert.Empty((await other.GetPageAsync("/Ledger/Risks")).QuerySelectorAll($"tr[data-entry='{entry.Id}']"));
        var token = (await other.GetPageAsync("/Ledger/Risks")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await other.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await other.PostAsync($"/Ledger/Risk/{entry.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Stages[0].Stage", "Acquisition"), new("Stages[0].Risk", "他部門からの変更")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // The division head reads the department's assessment and register rows, without a form.
        var division1 = await app.SignInAsync(divisionHead);
        var read = await division1.GetPageAsync($"/Ledger/Risk/{entry.Id}");
        Assert.Null(read.QuerySelector("[data-testid=risk-form]"));
        Assert.Equal(7, read.QuerySelectorAll("[data-testid=risk-table] tr[data-stage]").Length);
        Assert.Equal(7, (await division1.GetPageAsync("/Ledger/Risks")).QuerySelectorAll($"tr[data-entry='{entry.Id}']").Length);

        // An auditor reads; posting the assessment or opening the acceptance is refused.
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var auditorView = await auditor.GetPageAsync($"/Ledger/Risk/{entry.Id}");
        Assert.Null(auditorView.QuerySelector("[data-testid=risk-form]"));
        var auditorToken = (await auditor.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await auditor.PostAsync($"/Ledger/Risk/{entry.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", auditorToken), new("Stages[0].Stage", "Acquisition"), new("Stages[0].Risk", "監査員からの変更")]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await auditor.GetPageAsync($"/Ledger/RiskAcceptance/{entry.Id}", HttpStatusCode.Forbidden);
        await headClient.GetPageAsync($"/Ledger/RiskAcceptance/{entry.Id}", HttpStatusCode.Forbidden);
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        await management.GetPageAsync($"/Ledger/RiskAcceptance/{entry.Id}", HttpStatusCode.Forbidden);
        Assert.Equal(7, (await management.GetPageAsync("/Ledger/Risks")).QuerySelectorAll($"tr[data-entry='{entry.Id}']").Length);

        // Anonymous visitors are sent to sign in.
        var anonymous = app.Anonymous();
        Assert.StartsWith("/Account/SignIn", (await anonymous.GetAsync($"/Ledger/Risk/{entry.Id}")).RedirectPath());
        Assert.StartsWith("/Account/SignIn", (await anonymous.GetAsync("/Ledger/Risks")).RedirectPath());

        Assert.Equal("紛失", await app.QueryAsync(db => db.RiskAssessmentStages
            .Where(s => s.RiskAssessment.LedgerEntryId == entry.Id && s.Stage == LifeCycleStage.Acquisition).Select(s => s.Risk).SingleAsync()));
    }

    [Fact]
    public async Task The_register_filters_by_stage_residual_level_pending_acceptance_and_overdue()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("人事部", "Human Resources");
        var assessed = await EntryAsync(department.Id, "従業員名簿");
        var never = await EntryAsync(department.Id, "応募者情報");
        app.Clock.Set(Jst(2033, 6, 1, 10));
        var client = await app.SignInAsync(head);
        await client.FollowAsync(await client.SubmitFormAsync($"/Ledger/Risk/{assessed.Id}", EveryStage()));

        async Task<List<(string Entry, string Stage)>> Rows(string query) =>
            (await client.GetPageAsync("/Ledger/Risks?" + query)).QuerySelectorAll("tr[data-entry]")
            .Select(r => (r.GetAttribute("data-entry")!, r.GetAttribute("data-stage")!)).ToList();

        Assert.Equal(14, (await Rows("")).Count);
        Assert.Equal([(assessed.Id.ToString(), "Transfer"), (never.Id.ToString(), "Transfer")], (await Rows("Stage=Transfer")).OrderBy(r => r.Entry == never.Id.ToString()).ToList());
        Assert.Equal([(assessed.Id.ToString(), "Transfer")], await Rows("Level=Medium"));
        Assert.Equal([(assessed.Id.ToString(), "Transfer")], await Rows("PendingOnly=true"));
        Assert.Equal(6, (await Rows("Level=Low")).Count);
        Assert.Empty(await Rows("Level=High"));
        Assert.Equal(7, (await Rows("OverdueOnly=true")).Count(r => r.Entry == never.Id.ToString()));
        Assert.DoesNotContain(await Rows("OverdueOnly=true"), r => r.Entry == assessed.Id.ToString());

        // The never-assessed entry is reminded at once, once; the assessed one only when its year is up.
        await RemindAtAsync(Jst(2033, 6, 2, 8));
        await RemindAtAsync(Jst(2033, 6, 3, 8));
        Assert.Equal([$"risk-assessment:{never.Id}:never:never"], await app.KeysAsync(head.Id, never.Id));
        Assert.Empty(await app.KeysAsync(head.Id, assessed.Id));
    }

    [Fact]
    public async Task What_one_run_tells_a_head_comes_in_one_notice_in_their_language_linking_to_the_register()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("品質保証部", "Quality Assurance", headLanguage: "en");
        var first = await EntryAsync(department.Id, "クレーム対応記録");
        var second = await EntryAsync(department.Id, "製品登録カード");

        await RemindAtAsync(Jst(2034, 2, 1, 8));
        await RemindAtAsync(Jst(2034, 2, 2, 8));
        Assert.Equal([$"risk-assessment:{first.Id}:never:never"], await app.KeysAsync(head.Id, first.Id));
        Assert.Equal([$"risk-assessment:{second.Id}:never:never"], await app.KeysAsync(head.Id, second.Id));
        var notice = await app.NotificationAsync(head.Id, $"risk-assessment:{first.Id}:never:never");
        Assert.Equal(notice.Id, (await app.NotificationAsync(head.Id, $"risk-assessment:{second.Id}:never:never")).Id);
        Assert.Equal("[Risk review] 2 ledger entries", notice.Subject);
        Assert.Contains($"- \"{first.Name}\" (Quality Assurance): never assessed", notice.Body);
        Assert.Contains($"- \"{second.Name}\" (Quality Assurance): never assessed", notice.Body);
        Assert.Equal("/Ledger/Risks", notice.Link);
        var client = await app.SignInAsync(head);
        var register = await client.GetPageAsync(notice.Link);
        Assert.Equal(14, register.QuerySelectorAll("tr[data-entry]").Length);
    }
}
