using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>The core loop through HTTP: answer → refused submission → complete → submit → return → resubmit → accept.</summary>
public class InspectionLoopTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Fact]
    public async Task A_department_answers_signs_off_and_the_compliance_officer_returns_then_accepts()
    {
        var (department, headUser, head) = await app.DepartmentWithHeadAsync();
        var delegateUser = await app.CreateUserAsync([], department.Id);
        var owner = await app.CreateUserAsync([], department.Id);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var items = await app.ItemsAsync(inspection);
        Assert.Equal(["POL-1.1", "POL-1.2", "POL-1.3", "POL-1.4"], items.Keys.Order());
        var url = InspectionForms.Url(inspection.Id);

        // The head names a delegate, who answers the first items.
        var named = await head.SubmitFormAsync("/Inspections/Delegates", new() { ["userId"] = delegateUser.Id.ToString() }, "[data-testid=add-delegate]");
        Assert.Equal("/Inspections/Delegates", named.RedirectPath());
        var helper = await app.SignInAsync(delegateUser);

        var list = await helper.GetPageAsync("/Inspections");
        Assert.Contains(inspection.Id.ToString(), list.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));
        Assert.Contains("2026/04/01–2026/06/30", list.QuerySelector("[data-testid=inspections]")!.TextContent);

        var saved = await helper.AnswerAsync(inspection.Id, "POL-1.1", "Yes");
        Assert.Equal($"{url}#item-POL-1.1", saved.RedirectPath());
        Assert.Equal(InspectionStatus.InProgress, (await app.ReloadAsync(inspection.Id)).Status);
        await helper.AnswerAsync(inspection.Id, "POL-1.2", "Partial", "規程はあるが、周知が一部の拠点にとどまっている。");
        var form = await helper.GetPageAsync(url);
        Assert.Equal("2 / 4", form.QuerySelector("[data-testid=progress]")!.TextContent.Trim());

        // Submission is refused, listing what is missing.
        var refused = await head.SubmitInspectionAsync(inspection.Id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await HttpForms.ParseAsync(refused);
        Assert.Equal(["POL-1.2", "POL-1.3", "POL-1.4"], refusedPage.QuerySelectorAll("[data-testid=missing] li").Select(li => li.GetAttribute("data-item")));
        Assert.Contains("POL-1.2: 改善計画が必要です", refusedPage.Texts("[data-testid=missing] li"));
        Assert.Contains("POL-1.3: 未回答です", refusedPage.Texts("[data-testid=missing] li"));
        Assert.Contains("まだ提出できません。次の 3 件を済ませてください。", await HttpForms.ErrorsAsync(refused));
        Assert.Equal(InspectionStatus.InProgress, (await app.ReloadAsync(inspection.Id)).Status);

        // The rest: a "no" needs its comment and an improvement action.
        var noComment = await helper.AnswerAsync(inspection.Id, "POL-1.3", "No");
        Assert.Contains("「いいえ」と回答する場合は、コメントを入力してください。", await HttpForms.ErrorsAsync(noComment));
        await helper.AnswerAsync(inspection.Id, "POL-1.3", "No", "委託先の監督規程が未整備。");
        await helper.AnswerAsync(inspection.Id, "POL-1.4", "NotApplicable", "当部門では個人データを取り扱う委託がない。");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        Assert.Equal($"{url}#item-POL-1.2", (await helper.PlanActionAsync(inspection.Id, "POL-1.2", "全拠点で規程の読み合わせを実施する。", owner.Id, due)).RedirectPath());
        await head.PlanActionAsync(inspection.Id, "POL-1.3", "委託先監督規程を制定する。", headUser.Id, due);

        // The delegate cannot sign off; the head can.
        var byDelegate = await helper.PostHandlerAsync(url, "Submit", new() { ["signOff"] = "true" });
        Assert.Contains("提出(サインオフ)は部門責任者のみが行えます。回答が揃ったら部門責任者に提出を依頼してください。", await HttpForms.ErrorsAsync(byDelegate));
        Assert.Equal(InspectionStatus.InProgress, (await app.ReloadAsync(inspection.Id)).Status);
        Assert.Contains("提出するには、確認欄にチェックを入れてください。", await HttpForms.ErrorsAsync(await head.SubmitInspectionAsync(inspection.Id, signOff: false)));

        var submitted = await head.SubmitInspectionAsync(inspection.Id);
        Assert.Equal(url, submitted.RedirectPath());
        var afterSubmit = await app.ReloadAsync(inspection.Id);
        Assert.Equal(InspectionStatus.Submitted, afterSubmit.Status);
        Assert.Equal(headUser.Id, afterSubmit.SubmittedById);
        Assert.NotNull(afterSubmit.SubmittedAt);

        // Locked for answering afterwards.
        var locked = await helper.PostHandlerAsync(url, "SaveAnswer", new() { ["itemId"] = items["POL-1.1"].ToString(), ["value"] = "No", ["comment"] = "x", ["version"] = "0" });
        Assert.Contains("この自己点検は提出済みのため、変更できません。", await HttpForms.ErrorsAsync(locked));
        Assert.Null((await head.GetPageAsync(url)).QuerySelector("[data-testid^=answer-form]"));

        // The compliance officer finds it in the queue and returns it with a comment on one item.
        var (officer, officerUser) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var queue = await officer.GetPageAsync("/Inspections/Review");
        Assert.Contains(inspection.Id.ToString(), queue.QuerySelectorAll("[data-testid=queue-row]").Select(r => r.GetAttribute("data-id")));
        var reviewUrl = $"/Inspections/Review/Decide/{inspection.Id}";
        var review = await officer.GetPageAsync(reviewUrl);
        var returned = await officer.SubmitFormAsync(review, new()
        {
            [$"ItemComments[{items["POL-1.4"]}]"] = "該当なしの根拠として、委託契約の一覧を添付してください。",
            ["Comment"] = "POL-1.4 を見直してください。",
        }, "[data-testid=review-form]", $"{reviewUrl}?handler=Return");
        Assert.Equal("/Inspections/Review", returned.RedirectPath());
        Assert.Equal(InspectionStatus.Returned, (await app.ReloadAsync(inspection.Id)).Status);
        // Scored at submission (docs/scoring.md): yes 1 + partial 0.5 + no 0, not applicable left out.
        Assert.Equal((1.5, 3), await ScoreAsync(inspection.Id));

        // The head sees the comments, changes the answer and resubmits.
        var reopened = await head.GetPageAsync(url);
        Assert.Contains("POL-1.4 を見直してください。", reopened.QuerySelector("[data-testid=returned-banner]")!.TextContent);
        Assert.Contains("該当なしの根拠として、委託契約の一覧を添付してください。", reopened.QuerySelector("[data-testid='item-POL-1.4'] [data-testid=review-comment]")!.TextContent);
        Assert.Null(reopened.QuerySelector("[data-testid='item-POL-1.1'] [data-testid=review-comment]"));
        var headList = await head.GetPageAsync("/Inspections?View=returned");
        Assert.Single(headList.QuerySelectorAll("[data-testid=inspection-row]"), r => r.GetAttribute("data-id") == inspection.Id.ToString());

        await head.AnswerAsync(inspection.Id, "POL-1.4", "Yes", "委託契約の一覧を確認し、監督対象の委託があることを確認しました。");
        Assert.Equal(url, (await head.SubmitInspectionAsync(inspection.Id)).RedirectPath());
        Assert.Equal((2.5, 4), await ScoreAsync(inspection.Id));   // rescored on the new answers

        // The officer accepts.
        var accepted = await officer.SubmitFormAsync(await officer.GetPageAsync(reviewUrl), new() { ["Comment"] = "確認しました。" },
            "[data-testid=review-form]", $"{reviewUrl}?handler=Accept");
        Assert.Equal("/Inspections/Review", accepted.RedirectPath());
        var final = await app.ReloadAsync(inspection.Id);
        Assert.Equal(InspectionStatus.Accepted, final.Status);
        Assert.Equal(officerUser.Id, final.ReviewedById);

        // History: each step with who and when; resubmission cleared nothing.
        var events = await app.QueryAsync(db => db.InspectionEvents.Where(e => e.InspectionId == inspection.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([InspectionEventKind.Submitted, InspectionEventKind.Returned, InspectionEventKind.Submitted, InspectionEventKind.Accepted], events.Select(e => e.Kind));
        Assert.Equal([headUser.Id, officerUser.Id, headUser.Id, officerUser.Id], events.Select(e => e.UserId!.Value));
        Assert.Equal([headUser.Email, officerUser.Email, headUser.Email, officerUser.Email], events.Select(e => e.Actor));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal("POL-1.4 を見直してください。", events[1].Comment);
        var history = (await head.GetPageAsync(url)).QuerySelectorAll("[data-testid=history-row]");
        Assert.Equal(["Submitted", "Returned", "Submitted", "Accepted"], history.Select(r => r.GetAttribute("data-kind")));
        Assert.Contains(TimeZoneInfo.ConvertTime(events[0].At, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), history[0].TextContent);
        var reviewComment = await app.QueryAsync(db => db.Answers.Where(a => a.InspectionId == inspection.Id && a.CheckItemId == items["POL-1.4"]).Select(a => a.ReviewComment).SingleAsync());
        Assert.Equal("該当なしの根拠として、委託契約の一覧を添付してください。", reviewComment);

        // Each review step told the people concerned, once: compliance officers of a submission (this officer
        // joined after the first one, so only the resubmission), the head and delegate of the return and the acceptance.
        var told = await app.QueryAsync(db => db.Notifications.Where(n => n.Link.Contains(inspection.Id.ToString())).Select(n => new { n.UserId, n.DedupKey }).ToListAsync());
        Assert.Single(told, n => n.UserId == officerUser.Id && n.DedupKey.StartsWith("submitted:", StringComparison.Ordinal));
        Assert.Single(told, n => n.UserId == headUser.Id && n.DedupKey.StartsWith("returned:", StringComparison.Ordinal));
        Assert.Single(told, n => n.UserId == delegateUser.Id && n.DedupKey.StartsWith("returned:", StringComparison.Ordinal));
        Assert.Single(told, n => n.UserId == headUser.Id && n.DedupKey.StartsWith("accepted:", StringComparison.Ordinal));
        var returnedNote = await app.QueryAsync(db => db.Notifications.FirstAsync(n => n.UserId == headUser.Id && n.DedupKey.StartsWith("returned:")));
        Assert.Contains("差し戻されました", returnedNote.Subject);

        // Improvement actions for the partial and the no answer.
        var actions = await app.QueryAsync(db => db.CorrectiveActions.Where(a => a.InspectionId == inspection.Id).OrderBy(a => a.CreatedAt).ToListAsync());
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a =>
        {
            Assert.Equal(CorrectiveActionSource.Inspection, a.Source);
            Assert.Equal(department.Id, a.DepartmentId);
            Assert.Equal(CorrectiveActionStatus.Open, a.Status);
            Assert.Equal(due, a.DueOn);
        });
        Assert.Equal([items["POL-1.2"], items["POL-1.3"]], actions.Select(a => a.CheckItemId!.Value));
        Assert.Equal([owner.Id, headUser.Id], actions.Select(a => a.OwnerId));
        Assert.Equal(delegateUser.Id, actions[0].CreatedById);
    }

    private Task<(double Points, int Counted)> ScoreAsync(Guid inspectionId) =>
        app.QueryAsync(async db =>
        {
            var rows = await db.InspectionScores.Where(s => s.InspectionId == inspectionId).ToListAsync();
            return (rows.Sum(r => r.Points), rows.Sum(r => r.Counted));
        });
}
