using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>Improvement actions (改善計画) for partial and no answers, and the actions list where they are tracked until implemented.</summary>
public class ImprovementActionTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static DateOnly InDays(int days) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime).AddDays(days);

    [Fact]
    public async Task An_improvement_action_needs_what_who_and_when_and_is_refused_otherwise()
    {
        var (department, headUser, head) = await app.DepartmentWithHeadAsync();
        var outsider = await app.CreateUserAsync([], (await app.CreateDepartmentAsync()).Id);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");

        // Only for a partial or no answer.
        var items = await app.ItemsAsync(inspection);
        Assert.Null((await head.GetPageAsync(InspectionForms.Url(inspection.Id))).QuerySelector("[data-testid='action-form-POL-1.1']"));
        var early = await head.PostHandlerAsync(InspectionForms.Url(inspection.Id), "SaveAction", new()
        {
            ["itemId"] = items["POL-1.1"].ToString(),
            ["action"] = "規程を改める。",
            ["ownerId"] = headUser.Id.ToString(),
            ["dueOn"] = InDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("改善計画は「一部」または「いいえ」と回答した項目に登録します。先に回答を保存してください。", await HttpForms.ErrorsAsync(early));

        await head.AnswerAsync(inspection.Id, "POL-1.1", "No", "未整備");
        var page = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        Assert.DoesNotContain("d-none", page.QuerySelector("[data-testid='action-POL-1.1']")!.ClassList);
        Assert.NotNull(page.QuerySelector("[data-testid='action-form-POL-1.1']"));
        // Items that need no action have an empty, hidden place for one (site.js fills it from the template).
        Assert.Contains("d-none", page.QuerySelector("[data-testid='action-POL-1.2']")!.ClassList);
        Assert.Null(page.QuerySelector("[data-testid='action-form-POL-1.2']"));
        Assert.NotNull(page.QuerySelector("#action-template"));

        var empty = await head.SubmitFormAsync(page, new() { ["action"] = "", ["ownerId"] = "", ["dueOn"] = "" }, "[data-testid='action-form-POL-1.1']");
        Assert.Equal(["改善の内容を入力してください。", "担当者を入力してください。", "期限を入力してください。"], await HttpForms.ErrorsAsync(empty));
        var wrong = await head.SubmitFormAsync(page, new() { ["action"] = new string('x', 4001), ["ownerId"] = outsider.Id.ToString(), ["dueOn"] = "2026-02-30" },
            "[data-testid='action-form-POL-1.1']");
        Assert.Equal(["改善の内容は4000文字以内で入力してください。", "担当者は、この部門の有効なユーザーから選んでください。", "期限は正しい日付で入力してください。"], await HttpForms.ErrorsAsync(wrong));
        var past = await head.PlanActionAsync(inspection.Id, "POL-1.1", "規程を改める。", headUser.Id, InDays(-1));
        Assert.Equal(["期限には今日以降の日付を入力してください。"], await HttpForms.ErrorsAsync(past));
        Assert.False(await app.QueryAsync(db => db.CorrectiveActions.AnyAsync(a => a.InspectionId == inspection.Id)));

        await head.PlanActionAsync(inspection.Id, "POL-1.1", "規程を改める。", headUser.Id, InDays(30));
        var action = await app.QueryAsync(db => db.CorrectiveActions.SingleAsync(a => a.InspectionId == inspection.Id));
        Assert.Equal("規程を改める。", action.Action);

        // Editable until submission; a stale edit is a conflict.
        var stale = await head.GetPageAsync(InspectionForms.Url(inspection.Id));
        await head.PlanActionAsync(inspection.Id, "POL-1.1", "規程を全面的に改める。", headUser.Id, InDays(45));
        var conflict = await head.SubmitFormAsync(stale, new() { ["action"] = "古い画面からの変更" }, "[data-testid='action-form-POL-1.1']");
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。",
            await HttpForms.ErrorsAsync(conflict));
        action = await app.QueryAsync(db => db.CorrectiveActions.SingleAsync(a => a.InspectionId == inspection.Id));
        Assert.Equal("規程を全面的に改める。", action.Action);
        Assert.Equal(InDays(45), action.DueOn);

        // Removed when the answer changes its mind.
        await head.AnswerAsync(inspection.Id, "POL-1.1", "Yes");
        var removed = await head.SubmitFormAsync(InspectionForms.Url(inspection.Id), [], "[data-testid='action-POL-1.1'] form[action*='DeleteAction']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.QueryAsync(db => db.CorrectiveActions.AnyAsync(a => a.InspectionId == inspection.Id)));
    }

    [Fact]
    public async Task The_actions_list_is_scoped_and_the_owner_or_head_moves_an_action_forward()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var owner = await app.CreateUserAsync([], department.Id);
        var colleague = await app.CreateUserAsync([], department.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await head.AnswerAsync(inspection.Id, "POL-1.2", "Partial", "一部の拠点のみ");
        await head.PlanActionAsync(inspection.Id, "POL-1.2", "全拠点に周知する。", owner.Id, InDays(1));
        var actionId = await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.InspectionId == inspection.Id).Select(a => a.Id).SingleAsync());
        await using (var db = app.Db())
        {
            // Make it overdue.
            await db.CorrectiveActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, InDays(-3)));
        }

        var ownerClient = await app.SignInAsync(owner);
        var list = await ownerClient.GetPageAsync("/Actions");
        var row = list.QuerySelector($"[data-testid=action-row][data-id='{actionId}']")!;
        Assert.Contains("全拠点に周知する。", row.TextContent);
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));
        Assert.Contains("POL-1.2", row.TextContent);

        // Someone else in the department sees nothing of it; another department's head neither.
        var colleagueClient = await app.SignInAsync(colleague);
        Assert.Null((await colleagueClient.GetPageAsync("/Actions")).QuerySelector($"[data-id='{actionId}']"));
        var (_, _, otherHead) = await app.DepartmentWithHeadAsync();
        Assert.Null((await otherHead.GetPageAsync("/Actions?Show=all")).QuerySelector($"[data-id='{actionId}']"));
        var foreign = await otherHead.PostHandlerAsync("/Actions", "UpdateStatus", new() { ["actionId"] = actionId.ToString(), ["status"] = "Planned", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        // An auditor sees it but cannot move it.
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var auditorList = await auditor.GetPageAsync("/Actions?Overdue=true&Department=" + department.Id);
        Assert.Null(auditorList.QuerySelector($"[data-id='{actionId}'] [data-testid=status-form]"));
        Assert.NotNull(auditorList.QuerySelector($"[data-id='{actionId}']"));
        var byAuditor = await auditor.PostHandlerAsync("/Actions", "UpdateStatus", new() { ["actionId"] = actionId.ToString(), ["status"] = "Planned", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);

        var headList = await head.GetPageAsync("/Actions");
        var planned = await ownerClient.SubmitFormAsync(list, new() { ["status"] = "Planned" }, $"[data-id='{actionId}'] [data-testid=status-form]");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal(CorrectiveActionStatus.Planned, await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.Id == actionId).Select(a => a.Status).SingleAsync()));

        // A stale status form (from before the change) is a conflict; going backwards is refused.
        var stale = await head.SubmitFormAsync(headList, new() { ["status"] = "Implemented" }, $"[data-id='{actionId}'] [data-testid=status-form]");
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。",
            await HttpForms.ErrorsAsync(stale));
        var backwards = await head.SubmitFormAsync("/Actions", new() { ["status"] = "Open" }, $"[data-id='{actionId}'] [data-testid=status-form]");
        Assert.Contains("この状態には変更できません。", await HttpForms.ErrorsAsync(backwards));

        var implemented = await head.SubmitFormAsync("/Actions", new() { ["status"] = "Implemented" }, $"[data-id='{actionId}'] [data-testid=status-form]");
        Assert.Equal(HttpStatusCode.Redirect, implemented.StatusCode);
        var done = await app.QueryAsync(db => db.CorrectiveActions.SingleAsync(a => a.Id == actionId));
        Assert.Equal(CorrectiveActionStatus.Implemented, done.Status);
        Assert.NotNull(done.ImplementedAt);
        // Implemented, it stays open until someone else verifies it (docs/scoring.md), but is never overdue.
        var open = await head.GetPageAsync("/Actions");
        Assert.Equal("Implemented", open.QuerySelector($"[data-id='{actionId}'] [data-testid=action-status]")?.GetAttribute("data-status"));
        Assert.Null(open.QuerySelector($"[data-id='{actionId}'] [data-testid=overdue]"));
        var overdue = await head.GetPageAsync("/Actions?Show=all&overdue=true");
        Assert.Null(overdue.QuerySelector($"[data-id='{actionId}']"));
    }
}
