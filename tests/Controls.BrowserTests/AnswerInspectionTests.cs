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
        // A fresh inspection of the basic-policy measure for the General Affairs department (head: 佐藤 花子).
        Guid inspectionId;
        List<string> items;
        await using (var db = app.Db())
        {
            var department = await db.Departments.SingleAsync(d => d.Code == "ADM-GA");
            var version = await db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).FirstAsync();
            items = await db.CheckItems.Where(i => i.Measure.CatalogVersionId == version.Id && i.Measure.Code == "POL-1").OrderBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
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
            inspectionId = inspection.Id;
        }

        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/Account/SignIn");
        await page.GetByLabel("メールアドレス").FillAsync("sato@sakura.example");
        await page.GetByLabel("パスワード").FillAsync("Controls-Demo-2026");
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("佐藤 花子");

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
}
