using System.Net;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.IntegrationTests.Reports;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.ManagementReviews;

/// <summary>
/// The management review (マネジメントレビュー): the compliance officer records the yearly review with
/// the inputs the records cannot give; the page assembles the rest from the period; the top executive's
/// instructions are given to owners with due dates, become corrective actions the owners are told of, and
/// the next review shows how far they were carried out. Reviews are organisation-wide, so each test
/// holds its reviews on dates of its own.
/// </summary>
public class ManagementReviewTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static Dictionary<string, object> Review(string heldOn, string start, string end, string chair = "代表取締役 清水 誠") => new()
    {
        ["Input.Kind"] = "Annual",
        ["Input.HeldOn"] = heldOn,
        ["Input.PeriodStart"] = start,
        ["Input.PeriodEnd"] = end,
        ["Input.Chair"] = chair,
        ["Input.Attendees"] = "個人情報保護管理者、内部監査責任者",
        ["Input.Complaints"] = "苦情2件（いずれも対応済み）",
        ["Input.ChangesInCircumstances"] = "個人情報保護法ガイドラインの一部改正",
        ["Input.Conclusion"] = "概ね有効に運用されている。委託先の監督を強化すること。",
    };

    private async Task<Guid> RecordAsync(HttpClient client, Dictionary<string, object> values)
    {
        var response = await client.SubmitFormAsync("/ManagementReviews/Create", values);
        var path = response.RedirectPath();
        Assert.StartsWith("/ManagementReviews/Details/", path);
        return Guid.Parse(path["/ManagementReviews/Details/".Length..]);
    }

    private static string Outputs(Guid id) => $"/ManagementReviews/Outputs/{id}";

    private static Task<HttpResponseMessage> AddOutputAsync(HttpClient client, Guid id, string kind, string text, Guid? owner = null, string? due = null) =>
        client.SubmitFormAsync(Outputs(id), new()
        {
            ["NewOutput.Kind"] = kind,
            ["NewOutput.Text"] = text,
            ["NewOutput.OwnerId"] = owner?.ToString() ?? "",
            ["NewOutput.DueOn"] = due ?? "",
        }, "[data-testid=add-output]");

    private Task<(int Reviews, int Outputs, int Actions)> CountsAsync() => app.QueryAsync(async db =>
        (await db.ManagementReviews.CountAsync(), await db.ManagementReviewOutputs.CountAsync(), await db.CorrectiveActions.CountAsync()));

    [Fact]
    public async Task The_officer_records_the_yearly_review_management_gives_its_instructions_to_owners_and_they_are_told()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (executive, _) = await app.SignInAsNewAsync(Roles.Management);
        var (sales, head, headClient) = await app.DepartmentWithHeadAsync();

        var form = await officer.GetPageAsync("/ManagementReviews/Create");
        Assert.Equal("Annual", form.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.Kind']")!.Value);
        var id = await RecordAsync(officer, Review("2025-05-20", "2024-04-01", "2025-03-31"));

        var details = await officer.GetPageAsync($"/ManagementReviews/Details/{id}");
        Assert.Contains("2025/05/20", details.QuerySelector("h1")!.TextContent);
        Assert.Contains("2024/04/01 – 2025/03/31", details.QuerySelector("[data-testid=review-record]")!.TextContent);
        Assert.NotNull(details.QuerySelector("[data-testid=input-score]"));
        Assert.Contains("完了した内部監査", details.QuerySelector("[data-testid=input-audits]")!.TextContent);
        Assert.Contains("苦情2件", details.Body!.TextContent);
        Assert.Contains("委託先の監督を強化", details.QuerySelector("[data-testid=conclusion]")!.TextContent);

        // The top executive records three outputs: an instruction given to the sales head at once, a decision, a resource need.
        Assert.Equal(HttpStatusCode.Redirect, (await AddOutputAsync(executive, id, "Instruction", "委託先の実地監査を年1回以上行うこと", head.Id, "2025-09-30")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddOutputAsync(executive, id, "Decision", "個人情報保護方針を改訂する")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddOutputAsync(executive, id, "ResourceNeed", "内部監査員を2名養成する")).StatusCode);

        var outputs = await app.QueryAsync(db => db.ManagementReviewOutputs.AsNoTracking().Where(o => o.ManagementReviewId == id).OrderBy(o => o.Number).ToListAsync());
        Assert.Equal([1, 2, 3], outputs.Select(o => o.Number));
        Assert.Equal([ManagementReviewOutputKind.Instruction, ManagementReviewOutputKind.Decision, ManagementReviewOutputKind.ResourceNeed], outputs.Select(o => o.Kind));
        var action = await app.QueryAsync(db => db.CorrectiveActions.AsNoTracking().SingleAsync(a => a.Id == outputs[0].CorrectiveActionId));
        Assert.Equal((CorrectiveActionSource.ManagementReview, id, sales.Id, head.Id, new DateOnly(2025, 9, 30), CorrectiveActionStatus.Open, "委託先の実地監査を年1回以上行うこと"),
            (action.Source, action.ManagementReviewId!.Value, action.DepartmentId, action.OwnerId, action.DueOn, action.Status, action.Action));

        // The owner is told, and the notice opens their actions list, where the action shows as the review's.
        var notice = await app.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == head.Id && n.Kind == "management-review"));
        Assert.Contains("2025/09/30", notice.Subject);
        Assert.Contains("委託先の実地監査", notice.Body);
        var actions = await headClient.GetPageAsync(notice.Link);
        var row = actions.QuerySelector($"[data-testid=action-row][data-id='{action.Id}']")!;
        Assert.Contains("マネジメントレビュー", row.TextContent);
        Assert.Null(row.QuerySelector("[data-testid=action-review]")); // a department head does not read the reviews
        Assert.NotNull((await officer.GetPageAsync("/Actions?Show=all")).QuerySelector($"[data-testid=action-row][data-id='{action.Id}'] [data-testid=action-review]"));

        // The resource need is given to its owner later, from its own form.
        var page = await executive.GetPageAsync(Outputs(id));
        var assign = await executive.SubmitFormAsync(page, new() { ["Assign.OwnerId"] = head.Id.ToString(), ["Assign.DueOn"] = "2026-03-31" },
            $"tr[data-output='{outputs[2].Id}'] [data-testid=assign-form]");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.NotNull(await app.QueryAsync(db => db.ManagementReviewOutputs.Where(o => o.Id == outputs[2].Id).Select(o => o.CorrectiveActionId).SingleAsync()));

        // Two open (the instruction and the resource need, both with actions not yet verified); the decision is done once recorded.
        var index = await officer.GetPageAsync("/ManagementReviews");
        var listed = index.QuerySelector($"tr[data-review='{id}']")!;
        Assert.Equal(["3", "2"], listed.QuerySelectorAll("td.text-end").Select(c => c.TextContent.Trim()));
        var shown = await executive.GetPageAsync($"/ManagementReviews/Details/{id}");
        Assert.Equal(3, shown.QuerySelectorAll("[data-testid=outputs] tbody tr").Length);
        Assert.Contains("記録済み", shown.QuerySelector($"[data-testid=outputs] tr[data-output='{outputs[1].Id}']")!.TextContent);
    }

    [Fact]
    public async Task The_next_review_shows_the_previous_reviews_outputs_and_how_far_they_were_carried_out()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (_, head, _) = await app.DepartmentWithHeadAsync();
        var first = await RecordAsync(officer, Review("2011-05-20", "2010-04-01", "2011-03-31"));
        await AddOutputAsync(officer, first, "Instruction", "全従業者に標的型メール訓練を行うこと", head.Id, "2011-12-31");
        await AddOutputAsync(officer, first, "ResourceNeed", "監査ツールの予算を確保する");
        var carried = await app.QueryAsync(db => db.ManagementReviewOutputs.Where(o => o.ManagementReviewId == first && o.Number == 1).Select(o => o.CorrectiveActionId!.Value).SingleAsync());
        await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.Id == carried).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, CorrectiveActionStatus.Verified)));

        var second = await RecordAsync(officer, Review("2012-05-21", "2011-04-01", "2012-03-31"));
        var page = await officer.GetPageAsync($"/ManagementReviews/Details/{second}");

        Assert.Equal($"/ManagementReviews/Details/{first}", page.QuerySelector("[data-testid=previous-review]")!.GetAttribute("href"));
        var previous = page.QuerySelectorAll("[data-testid=previous-outputs] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, previous.Count);
        Assert.Contains("有効性確認済み", previous[0]);
        Assert.Contains("担当者未定", previous[1]);
        Assert.Contains("未完了 1件", page.QuerySelector("[data-testid=previous-review]")!.ParentElement!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/ManagementReviews/Details/{first}")).StatusCode);
        Assert.NotNull((await officer.GetPageAsync($"/ManagementReviews/Details/{first}")).QuerySelector("[data-testid=previous-review], [data-testid=no-previous]"));
    }

    [Fact]
    public async Task The_reviews_workbook_lists_its_outputs_with_owner_due_date_and_status_in_the_readers_language()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (_, head, _) = await app.DepartmentWithHeadAsync();
        var id = await RecordAsync(officer, Review("2021-06-01", "2020-04-01", "2021-03-31"));
        await AddOutputAsync(officer, id, "Instruction", "漏えい等事案の報告訓練を行うこと", head.Id, "2021-10-31");

        var response = await officer.GetAsync($"/ManagementReviews/Details/{id}?handler=Workbook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("management-review-2020-04-01_2021-03-31.xlsx", response.Content.Headers.ContentDisposition!.ToString());
        var sheets = DashboardTests.Read(await response.Content.ReadAsByteArrayAsync());
        var rows = DashboardTests.DataRows(sheets["マネジメントレビュー"], "実施日");
        var row = Assert.Single(rows, r => (r[5] as string) == "漏えい等事案の報告訓練を行うこと");
        Assert.Equal(("定期", "指示事項", head.DisplayName, "未着手"), (row[1] as string, row[4] as string, row[7] as string, row[9] as string));
    }

    [Fact]
    public async Task Wrong_dates_unknown_kinds_owners_and_stale_forms_get_a_message_and_change_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (_, head, _) = await app.DepartmentWithHeadAsync();
        var id = await RecordAsync(officer, Review("2016-05-20", "2015-04-01", "2016-03-31"));
        await AddOutputAsync(officer, id, "Instruction", "教育の内容を見直すこと");
        var before = await CountsAsync();

        async Task<List<string>> Refused(Task<HttpResponseMessage> post) => await HttpForms.ErrorsAsync(await post);

        Assert.Contains("終了日は開始日以降の日付にしてください。", await Refused(officer.SubmitFormAsync("/ManagementReviews/Create", Review("2016-05-20", "2016-04-01", "2015-03-31"))));
        Assert.Contains("実施日は対象期間の開始日以降にしてください。", await Refused(officer.SubmitFormAsync("/ManagementReviews/Create", Review("2014-05-20", "2015-04-01", "2016-03-31"))));
        var badKind = Review("2016-05-20", "2015-04-01", "2016-03-31");
        badKind["Input.Kind"] = "Weekly";
        Assert.NotEmpty(await Refused(officer.SubmitFormAsync("/ManagementReviews/Create", badKind)));
        var badDate = Review("2016-02-30", "2015-04-01", "2016-03-31");
        Assert.NotEmpty(await Refused(officer.SubmitFormAsync("/ManagementReviews/Create", badDate)));
        Assert.Contains("代表者を入力してください。", await Refused(officer.SubmitFormAsync("/ManagementReviews/Create", Review("2016-05-20", "2015-04-01", "2016-03-31", chair: ""))));

        Assert.Contains("期限はマネジメントレビューの実施日以降にしてください。", await Refused(AddOutputAsync(officer, id, "Instruction", "x", head.Id, "2016-01-01")));
        Assert.Contains("担当者は、部門に所属する有効なユーザーから選んでください。", await Refused(AddOutputAsync(officer, id, "Instruction", "x", Guid.NewGuid(), "2016-12-31")));
        Assert.Contains("担当者を選んだ場合は期限も入力してください。", await Refused(AddOutputAsync(officer, id, "Instruction", "x", head.Id)));
        Assert.NotEmpty(await Refused(AddOutputAsync(officer, id, "Praise", "x")));
        Assert.NotEmpty(await Refused(officer.SubmitFormAsync(Outputs(id), new() { ["NewOutput.Text"] = "x", ["NewOutput.OwnerId"] = "not-a-guid", ["NewOutput.DueOn"] = "2016-12-31" }, "[data-testid=add-output]")));
        Assert.Equal(before, await CountsAsync());

        // Two people give the same output to an owner from pages opened at the same time: the second is refused.
        var first = await officer.GetPageAsync(Outputs(id));
        var (executive, _) = await app.SignInAsNewAsync(Roles.Management);
        var second = await executive.GetPageAsync(Outputs(id));
        var values = new Dictionary<string, object> { ["Assign.OwnerId"] = head.Id.ToString(), ["Assign.DueOn"] = "2016-12-31" };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(first, values, "[data-testid=assign-form]")).StatusCode);
        var afterFirst = await CountsAsync();
        Assert.Contains("ほかの人がこのデータを変更しています", string.Join(" ", await Refused(executive.SubmitFormAsync(second, values, "[data-testid=assign-form]"))));
        Assert.Equal(afterFirst, await CountsAsync());

        // A stale edit of the record shows the stored one.
        var editA = await officer.GetPageAsync($"/ManagementReviews/Edit/{id}");
        var editB = await executive.GetPageAsync($"/ManagementReviews/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(editA, new() { ["Input.Chair"] = "代表取締役社長 清水 誠" })).StatusCode);
        var stale = await executive.SubmitFormAsync(editB, new() { ["Input.Chair"] = "取締役 山田" });
        var shown = await HttpForms.ParseAsync(stale);
        Assert.Equal("代表取締役社長 清水 誠", shown.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Chair']")!.Value);
        Assert.Equal("代表取締役社長 清水 誠", await app.QueryAsync(db => db.ManagementReviews.Where(r => r.Id == id).Select(r => r.Chair).SingleAsync()));
    }

    [Fact]
    public async Task Auditors_read_the_reviews_but_only_management_and_compliance_officers_record_them_and_department_heads_do_not_see_them()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var id = await RecordAsync(officer, Review("2018-05-20", "2017-04-01", "2018-03-31"));
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var (_, _, head) = await app.DepartmentWithHeadAsync();

        var list = await auditor.GetPageAsync("/ManagementReviews");
        Assert.NotNull(list.QuerySelector($"tr[data-review='{id}']"));
        Assert.Null(list.QuerySelector("[data-testid=new-review]"));
        var details = await auditor.GetPageAsync($"/ManagementReviews/Details/{id}");
        Assert.Null(details.QuerySelector("[data-testid=record-outputs]"));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/ManagementReviews/Details/{id}?handler=Workbook")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(Outputs(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/ManagementReviews/Create")).StatusCode);

        var before = await CountsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.SubmitFormAsync(await auditor.GetPageAsync("/ManagementReviews"), new() { ["NewOutput.Kind"] = "Instruction", ["NewOutput.Text"] = "x" },
            "#language-switch", Outputs(id) + "?handler=Add")).StatusCode);
        Assert.Equal(before, await CountsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/ManagementReviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/ManagementReviews/Details/{id}")).StatusCode);
        Assert.Null((await head.GetPageAsync("/")).QuerySelector("[data-testid=nav-management-reviews]"));
        Assert.NotNull((await auditor.GetPageAsync("/")).QuerySelector("[data-testid=nav-management-reviews]"));
        Assert.StartsWith("/Account/SignIn", (await app.Anonymous().GetAsync($"/ManagementReviews/Details/{id}")).RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/ManagementReviews/Details/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(Outputs(Guid.NewGuid()))).StatusCode);
    }
}
