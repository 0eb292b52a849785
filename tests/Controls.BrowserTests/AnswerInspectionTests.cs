using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Controls.BrowserTests;

public class AnswerInspectionTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_department_head_answers_and_submits_an_inspection()
    {
        var (inspectionId, items) = await NewInspectionAsync();

        var page = await app.Browser.NewPageAsync();
        await SignInAsync(page, "sato@sakura.example");

        await page.GotoAsync($"{app.BaseUrl}/Inspections/Answer/{inspectionId}");
        foreach (var code in items)
        {
            var form = page.GetByTestId($"answer-form-{code}");
            await form.Locator($"#value-{code.Replace(".", "\\.", StringComparison.Ordinal)}-Yes").CheckAsync();
            await page.GetByTestId($"save-answer-{code}").ClickAsync();
            await Assertions.Expect(form.Locator("[data-save-status]")).Not.ToBeEmptyAsync();
        }

        // Closing the browser loses nothing: a fresh page shows every answer.
        await page.ReloadAsync();
        foreach (var code in items)
        {
            await Assertions.Expect(page.Locator($"#value-{code.Replace(".", "\\.", StringComparison.Ordinal)}-Yes")).ToBeCheckedAsync();
        }

        await page.GetByTestId("sign-off").CheckAsync();
        await page.GetByTestId("submit-inspection").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=history-row][data-kind=Submitted]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("inspection-submitted.png"), FullPage = true });

        await using var check = app.Db();
        var stored = await check.Inspections.SingleAsync(i => i.Id == inspectionId);
        Assert.Equal(InspectionStatus.Submitted, stored.Status);
        Assert.Equal(items.Count, await check.Answers.CountAsync(a => a.InspectionId == inspectionId && a.Value == AnswerValue.Yes));
    }

    [Fact]
    public async Task Partial_and_no_answers_save_in_the_background_and_open_the_improvement_action_form()
    {
        var (inspectionId, items) = await NewInspectionAsync();
        var page = await app.Browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await SignInAsync(page, "sato@sakura.example");
        await page.GotoAsync($"{app.BaseUrl}/Inspections/Answer/{inspectionId}");

        // 一部 on the first item, いいえ on the second: each asks for a comment, saves once it has one
        // (no save button clicked), and shows the improvement-action form at once.
        foreach (var (code, value, comment) in new[] { (items[0], "Partial", "規程は作成済み、周知が未了"), (items[1], "No", "未整備") })
        {
            var id = code.Replace(".", "\\.", StringComparison.Ordinal);
            var form = page.GetByTestId($"answer-form-{code}");
            await form.Locator($"#value-{id}-{value}").CheckAsync();
            await Assertions.Expect(page.GetByTestId($"action-form-{code}")).ToBeVisibleAsync();
            await page.Locator($"#comment-{id}").FillAsync(comment);
            await page.Locator($"#comment-{id}").DispatchEventAsync("change");
            await Assertions.Expect(form.Locator("[data-save-status]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-success"));
        }
        Assert.Empty(scriptErrors);

        // Reloading shows what was saved in the background.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#value-{items[0].Replace(".", "\\.", StringComparison.Ordinal)}-Partial")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator($"#value-{items[1].Replace(".", "\\.", StringComparison.Ordinal)}-No")).ToBeCheckedAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("inspection-partial-no-autosaved.png"), FullPage = true });

        await using var check = app.Db();
        var saved = await check.Answers.Where(a => a.InspectionId == inspectionId).ToListAsync();
        Assert.Contains(saved, a => a.Value == AnswerValue.Partial && a.Comment == "規程は作成済み、周知が未了");
        Assert.Contains(saved, a => a.Value == AnswerValue.No && a.Comment == "未整備");
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(app.BaseUrl + "/Account/SignIn");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync("Controls-Demo-2026");
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("佐藤 花子");
    }

    private async Task<(Guid Id, List<string> Items)> NewInspectionAsync()
    {
        // A fresh inspection of the basic-policy measure for the General Affairs department (head: 佐藤 花子).
        await using var db = app.Db();
        var department = await db.Departments.SingleAsync(d => d.Code == "ADM-GA");
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).FirstAsync();
        var items = await db.CheckItems.Where(i => i.Measure.CatalogVersionId == version.Id && i.Measure.Code == "POL-1").OrderBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            MeasureCodes = ["POL-1"],
            DepartmentId = department.Id,
            TargetKey = "browser:" + Guid.NewGuid(),
            PeriodStart = new DateOnly(2026, 10, 1),
            PeriodEnd = new DateOnly(2026, 12, 31),
            DueOn = new DateOnly(2026, 12, 31),
            Status = InspectionStatus.NotStarted,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return (inspection.Id, items);
    }
}
