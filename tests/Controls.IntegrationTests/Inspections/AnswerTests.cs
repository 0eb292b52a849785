using System.Net;
using System.Text.Json;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>Answering item by item: the whole catalog in order, bad input refused, concurrent edits detected.</summary>
public class AnswerTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Fact]
    public async Task The_form_shows_every_measure_and_item_in_order_in_the_users_language_with_progress()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id);
        var total = (await app.ItemsAsync(inspection)).Count;
        Assert.True(total > 80, $"{total} items");

        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var codes = page.QuerySelectorAll("[data-testid^='item-'].inspection-item").Select(e => e.Id!["item-".Length..]).ToList();
        Assert.Equal(total, codes.Count);
        Assert.Equal(["POL-1.1", "POL-1.2", "POL-1.3", "POL-1.4", "RUL-1.1"], codes.Take(5));
        Assert.Equal($"0 / {total}", page.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.Equal(["はい", "一部", "いいえ", "該当なし"], page.Texts("[data-testid='answer-form-POL-1.1'] .form-check-label"));
        Assert.Contains("2026/04/01–2026/06/30", page.QuerySelector("[data-testid=inspection-period]")!.TextContent);

        await head.SubmitFormAsync("/Inspections", new() { ["language"] = "en" }, "#language-switch");
        var english = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        Assert.Equal(["Yes", "Partial", "No", "Not applicable"], english.Texts("[data-testid='answer-form-POL-1.1'] .form-check-label"));
        var question = await app.QueryAsync(db => db.CheckItems.Where(c => c.Code == "POL-1.1" && c.Measure.CatalogVersionId == inspection.CatalogVersionId)
            .Select(c => new { c.QuestionJa, c.QuestionEn }).SingleAsync());
        Assert.Contains(question.QuestionJa, page.QuerySelector("[data-testid='item-POL-1.1']")!.TextContent);
        Assert.Contains(question.QuestionEn, english.QuerySelector("[data-testid='item-POL-1.1']")!.TextContent);
        Assert.Contains("How to answer", english.QuerySelector("[data-testid='item-POL-1.1']")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_saves_nothing()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");

        var unknown = await head.AnswerAsync(inspection.Id, "POL-1.1", "Maybe");
        Assert.Contains("回答は「はい」「一部」「いいえ」「該当なし」から選んでください。", await HttpForms.ErrorsAsync(unknown));
        var numeric = await head.AnswerAsync(inspection.Id, "POL-1.1", "1");
        Assert.Contains("回答は「はい」「一部」「いいえ」「該当なし」から選んでください。", await HttpForms.ErrorsAsync(numeric));

        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var none = await head.SubmitFormAsync(page, new() { ["comment"] = "" }, "[data-testid='answer-form-POL-1.1']");
        Assert.Contains("回答を選んでください。", await HttpForms.ErrorsAsync(none));

        var tooLong = await head.AnswerAsync(inspection.Id, "POL-1.1", "Yes", new string('あ', 5000));
        Assert.Contains("コメントは4000文字以内で入力してください。", await HttpForms.ErrorsAsync(tooLong));
        // The page comes back at the item with what was typed, so nothing is lost.
        var shown = await HttpForms.ParseAsync(tooLong);
        Assert.Equal(5000, shown.QuerySelector("[data-testid='answer-form-POL-1.1'] textarea")!.TextContent.Length);

        var partial = await head.AnswerAsync(inspection.Id, "POL-1.1", "NotApplicable", "   ");
        Assert.Contains("「該当なし」と回答する場合は、コメントを入力してください。", await HttpForms.ErrorsAsync(partial));

        var unknownItem = await head.PostHandlerAsync(InspectionForms.Url(inspection.Id), "SaveAnswer",
            new() { ["itemId"] = Guid.NewGuid().ToString(), ["value"] = "Yes", ["comment"] = "", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        var outOfScope = (await app.QueryAsync(db => db.CheckItems.Where(c => c.Code == "RUL-1.1" && c.Measure.CatalogVersionId == inspection.CatalogVersionId).Select(c => c.Id).SingleAsync()));
        var notInScope = await head.PostHandlerAsync(InspectionForms.Url(inspection.Id), "SaveAnswer",
            new() { ["itemId"] = outOfScope.ToString(), ["value"] = "Yes", ["comment"] = "", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, notInScope.StatusCode);

        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == inspection.Id)));
        Assert.Equal(InspectionStatus.NotStarted, (await app.ReloadAsync(inspection.Id)).Status);
    }

    [Fact]
    public async Task Two_people_saving_the_same_answer_are_told_of_the_conflict_instead_of_overwriting()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var member = await app.CreateUserAsync([], department.Id);
        await using (var db = app.Db())
        {
            db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = department.Id, UserId = member.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var helper = await app.SignInAsync(member);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await head.AnswerAsync(inspection.Id, "POL-1.1", "Yes");
        var url = InspectionForms.Url(inspection.Id);

        var headPage = await head.GetPageAsync(url);
        var helperPage = await helper.GetPageAsync(url);
        var first = await head.SubmitFormAsync(headPage, new() { ["value"] = "Partial", ["comment"] = "責任者の判断" }, "[data-testid='answer-form-POL-1.1']");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await helper.SubmitFormAsync(helperPage, new() { ["value"] = "No", ["comment"] = "代理の判断" }, "[data-testid='answer-form-POL-1.1']");
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。",
            await HttpForms.ErrorsAsync(second));
        var shown = await HttpForms.ParseAsync(second);
        Assert.Contains("代理の判断", shown.QuerySelector("[data-testid=overtaken]")!.TextContent);
        Assert.Equal("責任者の判断", shown.QuerySelector("[data-testid='answer-form-POL-1.1'] textarea")!.TextContent);

        var stored = await app.QueryAsync(db => db.Answers.SingleAsync(a => a.InspectionId == inspection.Id));
        Assert.Equal(AnswerValue.Partial, stored.Value);
        Assert.Equal("責任者の判断", stored.Comment);

        // Saved again from the page as it is now, the helper's answer goes through.
        var retry = await helper.SubmitFormAsync(shown, new() { ["value"] = "No", ["comment"] = "代理の判断" }, "[data-testid='answer-form-POL-1.1']");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(AnswerValue.No, (await app.QueryAsync(db => db.Answers.SingleAsync(a => a.InspectionId == inspection.Id))).Value);
    }

    [Fact]
    public async Task With_JavaScript_an_answer_saves_in_the_background_and_reports_its_new_version_and_the_progress()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        var form = page.QuerySelector("[data-testid='answer-form-POL-1.2']")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["itemId"] = form.QuerySelector("input[name=itemId]")!.GetAttribute("value")!,
            ["version"] = "0",
            ["value"] = "No",
            ["comment"] = "",
        };

        async Task<(HttpStatusCode Status, JsonElement Body)> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Accept.ParseAdd("application/json");
            var response = await head.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }

        var (status, body) = await Post();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("「いいえ」と回答する場合は、コメントを入力してください。", body.GetProperty("errors")[0].GetString());

        fields["comment"] = "未整備";
        (status, body) = await Post();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("saved").GetBoolean());
        Assert.True(body.GetProperty("needsAction").GetBoolean());
        Assert.Equal(1, body.GetProperty("answered").GetInt32());
        Assert.Equal(4, body.GetProperty("total").GetInt32());
        var version = body.GetProperty("version").GetUInt32();
        Assert.Equal(version, await app.QueryAsync(db => db.Answers.Where(a => a.InspectionId == inspection.Id).Select(a => a.Version).SingleAsync()));

        fields["comment"] = "古い版からの保存";
        (status, body) = await Post();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.GetProperty("saved").GetBoolean());
    }
}
