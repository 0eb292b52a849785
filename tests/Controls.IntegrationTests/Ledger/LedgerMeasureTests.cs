using System.Net;
using System.Text.Json;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Ledger;

/// <summary>The ledger feeds the measures: data handled abroad makes EXT-1 applicable; entries overdue for review are shown on ORG-3.</summary>
public class LedgerMeasureTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private async Task<LedgerEntry> EntryAsync(Guid departmentId, string name, string[] countries, DateOnly? lastReviewedOn)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            Kind = "顧客情報",
            Medium = LedgerMedium.Cloud,
            Countries = [.. countries],
            People = PeopleRange.UpTo5000,
            LastReviewedOn = lastReviewedOn,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<Answer?> AnswerAsync(Guid inspectionId, string code) =>
        app.QueryAsync(db => db.Answers.AsNoTracking().SingleOrDefaultAsync(a => a.InspectionId == inspectionId && a.CheckItem.Code == code));

    [Fact]
    public async Task Data_handled_abroad_makes_EXT1_applicable_and_not_applicable_is_refused_with_the_countries()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        await EntryAsync(department.Id, "海外顧客名簿", ["JP", "US", "SG"], Today);
        var inspection = await app.CreateInspectionAsync(department.Id, "EXT-1", "POL-1");

        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var notice = page.QuerySelector("[data-testid='item-EXT-1.1'] [data-testid=ledger-abroad]")!.TextContent;
        Assert.Contains("アメリカ合衆国", notice);
        Assert.Contains("シンガポール", notice);
        Assert.DoesNotContain("日本", notice);
        Assert.NotNull(page.QuerySelector("[data-testid='item-EXT-1.5'] [data-testid=ledger-abroad]"));
        Assert.Null(page.QuerySelector("[data-testid='item-POL-1.1'] [data-testid=ledger-abroad]"));

        var refused = await head.AnswerAsync(inspection.Id, "EXT-1.1", "NotApplicable", "海外での取扱いはないと思われる。");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await HttpForms.ErrorsAsync(refused);
        Assert.Contains(errors, e => e.Contains("外国(シンガポール、アメリカ合衆国)") && e.Contains("この措置は該当します"));
        Assert.Null(await AnswerAsync(inspection.Id, "EXT-1.1"));

        // Other answers on EXT-1, and not applicable elsewhere, are saved as usual.
        Assert.Equal(HttpStatusCode.Redirect, (await head.AnswerAsync(inspection.Id, "EXT-1.1", "Partial", "シンガポールの拠点は未確認。")).StatusCode);
        Assert.Equal(AnswerValue.Partial, (await AnswerAsync(inspection.Id, "EXT-1.1"))!.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await head.AnswerAsync(inspection.Id, "POL-1.1", "NotApplicable", "対象外。")).StatusCode);

        // In English too.
        await head.SubmitFormAsync("/Inspections", new() { ["language"] = "en" }, "#language-switch");
        var english = await head.AnswerAsync(inspection.Id, "EXT-1.2", "NotApplicable", "n/a");
        Assert.Contains(await HttpForms.ErrorsAsync(english), e => e.Contains("ledger lists data handled abroad (Singapore, United States)"));
        Assert.Null(await AnswerAsync(inspection.Id, "EXT-1.2"));
    }

    [Fact]
    public async Task A_background_save_of_not_applicable_on_EXT1_is_refused_with_the_same_message()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        await EntryAsync(department.Id, "海外拠点の従業員名簿", ["JP", "VN"], Today);
        var inspection = await app.CreateInspectionAsync(department.Id, "EXT-1");
        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var form = page.QuerySelector("[data-testid='answer-form-EXT-1.3']")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["itemId"] = form.QuerySelector("input[name=itemId]")!.GetAttribute("value")!,
                ["version"] = "0",
                ["value"] = "NotApplicable",
                ["comment"] = "対象外",
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await head.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.GetProperty("saved").GetBoolean());
        Assert.Contains("外国(ベトナム)", body.GetProperty("errors")[0].GetString());
        Assert.Null(await AnswerAsync(inspection.Id, "EXT-1.3"));
    }

    [Fact]
    public async Task Not_applicable_answered_before_the_ledger_listed_data_abroad_blocks_submission_until_changed()
    {
        var (department, headUser, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "EXT-1");
        var codes = await app.QueryAsync(db => db.CheckItems.Where(c => c.Measure.CatalogVersionId == inspection.CatalogVersionId && c.Measure.Code == "EXT-1")
            .OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await head.AnswerAsync(inspection.Id, codes[0], "NotApplicable", "外国での取扱いはない。")).StatusCode);
        foreach (var code in codes.Skip(1))
        {
            await head.AnswerAsync(inspection.Id, code, "Yes");
        }

        // Then the department records a data set kept on a server in Ireland.
        await EntryAsync(department.Id, "海外クラウドの顧客データ", ["IE"], Today);
        var refused = await head.SubmitInspectionAsync(inspection.Id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HttpForms.ParseAsync(refused);
        var missing = page.QuerySelector($"[data-testid=missing] li[data-item='{codes[0]}']")!;
        Assert.Contains("「該当なし」のままでは提出できません", missing.TextContent);
        Assert.Equal(InspectionStatus.InProgress, (await app.QueryAsync(db => db.Inspections.SingleAsync(i => i.Id == inspection.Id))).Status);

        await head.AnswerAsync(inspection.Id, codes[0], "Partial", "アイルランドのサーバーを特定済み。制度の調査は未了。");
        await head.PlanActionAsync(inspection.Id, codes[0], "アイルランドの個人情報保護制度を調査する。", headUser.Id, Today.AddDays(30));
        var submitted = await head.SubmitInspectionAsync(inspection.Id);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(InspectionStatus.Submitted, (await app.QueryAsync(db => db.Inspections.SingleAsync(i => i.Id == inspection.Id))).Status);
    }

    [Fact]
    public async Task A_department_whose_ledger_stays_in_Japan_may_answer_EXT1_not_applicable()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        await EntryAsync(department.Id, "社員名簿", ["JP"], Today);
        var (other, _, _) = await app.DepartmentWithHeadAsync();
        await EntryAsync(other.Id, "海外委託データ", ["US"], Today);   // another department's ledger does not count
        var inspection = await app.CreateInspectionAsync(department.Id, "EXT-1");

        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        Assert.Null(page.QuerySelector("[data-testid=ledger-abroad]"));
        var saved = await head.AnswerAsync(inspection.Id, "EXT-1.1", "NotApplicable", "台帳を確認し、外国での取扱いがないことを確認した。");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(AnswerValue.NotApplicable, (await AnswerAsync(inspection.Id, "EXT-1.1"))!.Value);
    }

    [Fact]
    public async Task Entries_overdue_for_review_are_listed_on_ORG3_with_links_for_the_head_and_readers()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var stale = await EntryAsync(department.Id, "旧会員名簿", ["JP"], Today.AddYears(-1).AddDays(-3));
        var never = await EntryAsync(department.Id, "問い合わせ記録", ["JP"], null);
        var fresh = await EntryAsync(department.Id, "取引先名簿", ["JP"], Today.AddMonths(-2));
        var inspection = await app.CreateInspectionAsync(department.Id, "ORG-3");

        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var context = page.QuerySelector("[data-testid='measure-ORG-3'] [data-testid=ledger-overdue]")!;
        var links = context.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains((stale.Name, $"/Ledger/Edit/{stale.Id}"), links);
        Assert.Contains((never.Name, $"/Ledger/Edit/{never.Id}"), links);
        Assert.DoesNotContain(fresh.Name, context.TextContent);
        Assert.Contains("見直しの記録なし", context.TextContent);

        // An auditor reads the inspection; the entries link to the ledger's overdue list (the edit page is not theirs).
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var read = await auditor.GetPageAsync(InspectionForms.Url(inspection.Id));
        var readerLinks = read.QuerySelectorAll("[data-testid=ledger-overdue] a").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Equal(["/Ledger?OverdueOnly=true"], readerLinks);

        // Reviewed: gone from the context.
        await using (var db = app.Db())
        {
            await db.LedgerEntries.Where(e => e.Id == stale.Id || e.Id == never.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastReviewedOn, Today));
        }

        Assert.Null((await head.GetPageAsync(InspectionForms.Url(inspection.Id))).QuerySelector("[data-testid=ledger-overdue]"));
    }

    [Fact]
    public async Task The_dashboard_summarises_the_ledger_per_department_and_a_head_sees_only_their_own()
    {
        var (sales, _, head) = await app.DepartmentWithHeadAsync();
        await EntryAsync(sales.Id, "顧客名簿", ["JP", "US"], Today);
        await EntryAsync(sales.Id, "健康診断結果", ["JP"], Today.AddYears(-2));
        await using (var db = app.Db())
        {
            var entry = await db.LedgerEntries.Where(e => e.DepartmentId == sales.Id && e.Name.StartsWith("健康診断結果")).SingleAsync();
            entry.SpecialCareData = true;
            await db.SaveChangesAsync();
        }

        var (other, _, _) = await app.DepartmentWithHeadAsync();
        await EntryAsync(other.Id, "採用応募者", ["JP"], null);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var dashboard = await officer.GetPageAsync("/Dashboard");
        var row = dashboard.QuerySelector($"[data-testid=ledger-summary] tr[data-department='{sales.Code}']")!;
        Assert.Equal(["2", "1", "1", "1"], new[] { "entries", "special-care", "abroad", "overdue" }.Select(t => row.QuerySelector($"[data-testid={t}]")!.TextContent.Trim()));
        var otherRow = dashboard.QuerySelector($"[data-testid=ledger-summary] tr[data-department='{other.Code}']")!;
        Assert.Equal("1", otherRow.QuerySelector("[data-testid=overdue]")!.TextContent.Trim());
        Assert.NotNull(dashboard.QuerySelector("[data-testid=ledger-summary-total]"));

        var own = await head.GetPageAsync("/Dashboard");
        Assert.Equal([sales.Code], own.QuerySelectorAll("[data-testid=ledger-summary] tbody tr").Select(r => r.GetAttribute("data-department")));

        var (_, _, emptyClient) = await app.DepartmentWithHeadAsync();
        Assert.NotNull((await emptyClient.GetPageAsync("/Dashboard")).QuerySelector("[data-testid=ledger-summary-empty]"));
    }
}
