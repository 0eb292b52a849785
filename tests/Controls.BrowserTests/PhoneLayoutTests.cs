using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Controls.BrowserTests;

/// <summary>
/// A department head answers between meetings, on a phone (390 px wide): the measure navigator, the
/// "unanswered only" filter and the jump to the next unanswered item take them through the form, answers
/// save as they go, and no page scrolls sideways. The main lists fit a phone too.
/// </summary>
public class PhoneLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int PhoneWidth = 390;

    private async Task<IPage> PhoneAsync(string email)
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = PhoneWidth, Height = 844 }, HasTouch = true, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/Account/SignIn");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync("Controls-Demo-2026");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth,
            $"{page.Url} scrolls sideways: {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");

    private static async Task AssertTapTargetAsync(ILocator target, string what)
    {
        var box = await target.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"{what}: {box?.Height} px high");
    }

    [Fact]
    public async Task A_department_head_answers_on_a_phone_with_the_navigator_the_unanswered_filter_and_next_unanswered()
    {
        var (inspectionId, items) = await InspectionAsync();
        var page = await PhoneAsync("sato@sakura.example");
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{app.BaseUrl}/Inspections/Answer/{inspectionId}");
        await AssertNoSidewaysScrollAsync(page);
        var pol = items["POL-1"];
        var rul = items["RUL-1"];
        var org = items["ORG-1"];
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("answer-phone-start.png") });

        // The navigator is a drawer: POL-1 is complete (answered before), RUL-1 not begun.
        await page.GetByTestId("measure-drawer").Locator("summary").ClickAsync();
        var drawer = page.GetByTestId("measure-drawer-list");
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(drawer.GetByTestId("measure-progress-POL-1")).ToHaveTextAsync($"{pol.Count}/{pol.Count}");
        await Assertions.Expect(drawer.GetByTestId("measure-progress-RUL-1")).ToHaveTextAsync($"0/{rul.Count}");
        await Assertions.Expect(drawer.GetByText("組織的安全管理措置")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("answer-phone-navigator.png") });
        await AssertTapTargetAsync(drawer.Locator("[data-measure-link='ORG-1']"), "a measure in the navigator");
        await drawer.Locator("[data-measure-link='ORG-1']").ClickAsync();
        await Assertions.Expect(drawer).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("item-" + org[0])).ToBeInViewportAsync();

        // Unanswered only: the answered measure disappears, without a reload.
        await page.GetByTestId("only-unanswered").ClickAsync();
        await Assertions.Expect(page.GetByTestId("measure-POL-1")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("only-unanswered")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Contains("unanswered=1", page.Url, StringComparison.Ordinal);

        // From the top, "next unanswered" goes to RUL-1's first item; answering it saves in the background.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await AssertTapTargetAsync(page.GetByTestId("next-unanswered"), "next unanswered");
        await page.GetByTestId("next-unanswered").ClickAsync();
        var first = page.GetByTestId("item-" + rul[0]);
        await Assertions.Expect(first).ToBeInViewportAsync();
        var yes = page.Locator($"#value-{rul[0].Replace(".", "\\.", StringComparison.Ordinal)}-Yes");
        await AssertTapTargetAsync(first.Locator(".form-check-inline").First, "an answer choice");
        await yes.CheckAsync();
        await Assertions.Expect(first.Locator("[data-save-status]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-success"));
        await Assertions.Expect(page.GetByTestId("measure-RUL-1").GetByTestId("item-state")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("measure-drawer-list").GetByTestId("measure-progress-RUL-1")).ToHaveTextAsync($"1/{rul.Count}");
        await Assertions.Expect(page.GetByTestId("measure-nav").GetByTestId("measure-progress-RUL-1")).ToHaveTextAsync($"1/{rul.Count}");
        await Assertions.Expect(page.GetByTestId("toolbar-progress")).ToHaveTextAsync($"{pol.Count + 1} / {pol.Count + rul.Count + org.Count}");
        // The answered item stays in sight until the head moves on; then the next one comes up.
        await Assertions.Expect(first).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("answer-phone-answered.png") });
        await page.GetByTestId("next-unanswered").ClickAsync();
        await Assertions.Expect(first).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("item-" + rul[1])).ToBeInViewportAsync();
        await AssertNoSidewaysScrollAsync(page);
        Assert.Empty(scriptErrors);

        // Reloaded (the filter is in the address): the answer was saved, the answered item is filtered out.
        await page.ReloadAsync();
        await Assertions.Expect(first).ToBeHiddenAsync();
        await page.GetByTestId("only-unanswered").ClickAsync();
        await Assertions.Expect(yes).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("measure-drawer-list").GetByTestId("measure-progress-RUL-1")).ToHaveTextAsync($"1/{rul.Count}");
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("answer-phone-reloaded.png"), FullPage = false });

        await using var db = app.Db();
        Assert.Equal(AnswerValue.Yes, await db.Answers.Where(a => a.InspectionId == inspectionId && a.CheckItem.Code == rul[0]).Select(a => a.Value).SingleAsync());
    }

    [Theory]
    [InlineData("/Inspections", "inspections")]
    [InlineData("/Actions", "actions")]
    [InlineData("/Ledger", "ledger")]
    [InlineData("/Incidents", "incidents")]
    [InlineData("/Audits", "audits")]
    [InlineData("/Inspections/Review", "review-queue")]
    [InlineData("/Training/Roster", "staff-roster")]
    [InlineData("/Training/Pledges", "pledges")]
    [InlineData("/Training/Coverage", "training-coverage")]
    [InlineData("/Training/MyTests", "my-tests")]
    [InlineData("/Ledger/Risks", "risk-register")]
    [InlineData("/ManagementReviews", "management-reviews")]
    public async Task The_main_lists_fit_a_phone_with_headers_on_one_line(string url, string name)
    {
        var page = await PhoneAsync("privacy@sakura.example");
        await page.GotoAsync(app.BaseUrl + url);
        await AssertNoSidewaysScrollAsync(page);
        var lineHeights = await page.EvaluateAsync<double[]>(
            "Array.from(document.querySelectorAll('main table th')).filter(th => th.textContent.trim().length > 1).map(th => th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight || '24'))");
        Assert.All(lineHeights, lines => Assert.True(lines < 2.6, $"{url}: a column header wraps ({lines:0.0} lines)"));
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"list-phone-{name}.png") });
    }

    private async Task<(Guid Id, Dictionary<string, List<string>> Items)> InspectionAsync()
    {
        // A fresh inspection of three measures for General Affairs (head: 佐藤 花子), POL-1 already answered.
        await using var db = app.Db();
        var department = await db.Departments.SingleAsync(d => d.Code == "ADM-GA");
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).FirstAsync();
        string[] measures = ["POL-1", "RUL-1", "ORG-1"];
        var items = await db.CheckItems.Where(i => i.Measure.CatalogVersionId == version.Id && measures.Contains(i.Measure.Code))
            .OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.Code, Measure = i.Measure.Code }).ToListAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            MeasureCodes = [.. measures],
            DepartmentId = department.Id,
            TargetKey = "browser:" + Guid.NewGuid(),
            PeriodStart = new DateOnly(2026, 10, 1),
            PeriodEnd = new DateOnly(2026, 12, 31),
            DueOn = new DateOnly(2026, 12, 31),
            Status = InspectionStatus.InProgress,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Inspections.Add(inspection);
        db.Answers.AddRange(items.Where(i => i.Measure == "POL-1").Select(i => new Answer
        {
            Id = Guid.NewGuid(),
            InspectionId = inspection.Id,
            CheckItemId = i.Id,
            Value = AnswerValue.Yes,
            AnsweredAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return (inspection.Id, items.GroupBy(i => i.Measure).ToDictionary(g => g.Key, g => g.Select(i => i.Code).ToList()));
    }
}
