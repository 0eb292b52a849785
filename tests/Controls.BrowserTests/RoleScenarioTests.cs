using System.Text.RegularExpressions;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Controls.BrowserTests;

/// <summary>
/// Each role's daily work in Japanese, in a real browser, on a desk (1280 px) and on a phone
/// (390 px), with a screenshot of every step kept in artifacts/screenshots/: the department head
/// answers a whole inspection with every kind of answer (reloading proves it was saved), attaches
/// evidence, signs off and submits; the compliance officer returns it with a comment; the head
/// fixes it and submits again; the officer accepts; the division head opens every notice received;
/// the auditor records a sampled test and a finding; management reads the dashboard and downloads
/// the workbook.
/// </summary>
public class RoleScenarioTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Controls-Demo-2026";

    public static TheoryData<int, int> Screens() => new() { { 1280, 800 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_self_inspection_goes_from_the_department_head_to_the_compliance_officer_and_back_until_accepted(int width, int height)
    {
        await EveryoneReadsJapaneseAsync();
        var (inspectionId, items) = await NewInspectionAsync(width);
        var shots = new Shots($"{width}");

        // The department head answers every item, each kind of answer at least once.
        var head = await SignInAsync(width, height, "sato@sakura.example", "佐藤 花子");
        var errors = ScriptErrors(head);
        await head.GotoAsync($"{app.BaseUrl}/Inspections/Answer/{inspectionId}");
        await shots.TakeAsync(head, "01-head-answer-form");
        string[] kinds = ["Yes", "Partial", "No", "NotApplicable"];
        for (var i = 0; i < items.Count; i++)
        {
            await AnswerAsync(head, items[i], kinds[i % kinds.Length]);
        }

        Assert.Empty(errors);

        // Reloading shows every answer as the server saved it.
        await head.ReloadAsync();
        for (var i = 0; i < items.Count; i++)
        {
            await Assertions.Expect(head.Locator($"#value-{Css(items[i])}-{kinds[i % kinds.Length]}")).ToBeCheckedAsync();
        }

        // Evidence on the first item: a small text file.
        var upload = head.GetByTestId($"upload-form-{items[0]}");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "研修記録.txt", MimeType = "text/plain", Buffer = "2026年度 個人情報保護研修 受講者一覧"u8.ToArray() });
        await upload.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(head.GetByTestId($"evidence-{items[0]}")).ToContainTextAsync("研修記録.txt");
        await shots.TakeAsync(head, "02-head-answered-with-evidence");

        await SubmitAsync(head);
        await shots.TakeAsync(head, "03-head-submitted");
        Assert.Equal(InspectionStatus.Submitted, await StatusAsync(inspectionId));

        // The compliance officer finds it in the review queue and returns it with a comment.
        var officer = await SignInAsync(width, height, "privacy@sakura.example", "加藤 由美");
        await officer.GotoAsync($"{app.BaseUrl}/Inspections/Review");
        await Assertions.Expect(officer.GetByTestId("review-queue")).ToBeVisibleAsync();
        await shots.TakeAsync(officer, "04-officer-review-queue");
        await officer.Locator($"a[data-testid=review-link][href*='{inspectionId}']").ClickAsync();
        await officer.GetByTestId($"item-comment-{items[1]}").FillAsync("改善計画の期限が遅すぎます。今期中の日付にしてください。");
        await officer.GetByTestId("overall-comment").FillAsync("1件見直してください。");
        officer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await officer.GetByTestId("return").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToContainTextAsync("差戻しました");
        await shots.TakeAsync(officer, "05-officer-returned");
        Assert.Equal(InspectionStatus.Returned, await StatusAsync(inspectionId));

        // The head sees why, changes the partial answer's comment and submits again.
        await head.GotoAsync($"{app.BaseUrl}/Inspections/Answer/{inspectionId}");
        await Assertions.Expect(head.GetByTestId("returned-banner")).ToBeVisibleAsync();
        await Assertions.Expect(head.GetByTestId("return-comment")).ToContainTextAsync("1件見直してください。");
        await shots.TakeAsync(head, "06-head-sees-return");
        var comment = head.Locator($"#comment-{Css(items[1])}");
        await comment.FillAsync("周知は12月中に全員へのメールと朝礼で行います。");
        await comment.DispatchEventAsync("change");
        await Assertions.Expect(head.GetByTestId($"answer-form-{items[1]}").Locator("[data-save-status]")).ToHaveClassAsync(new Regex("text-success"));
        await SubmitAsync(head);
        Assert.Equal(InspectionStatus.Submitted, await StatusAsync(inspectionId));

        // The officer accepts it.
        await officer.GotoAsync($"{app.BaseUrl}/Inspections/Review/Decide/{inspectionId}");
        await officer.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToContainTextAsync("承認しました");
        await shots.TakeAsync(officer, "07-officer-accepted");
        Assert.Equal(InspectionStatus.Accepted, await StatusAsync(inspectionId));
        Assert.Empty(errors);
        await AssertNoHorizontalScrollAsync(head, width);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_division_head_opens_every_notice_received_and_each_opens_a_page_they_may_see(int width, int height)
    {
        await EveryoneReadsJapaneseAsync();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync();
        }

        var shots = new Shots($"{width}");
        var divisionHead = await SignInAsync(width, height, "kimura@sakura.example", "木村 和夫");
        await divisionHead.GotoAsync($"{app.BaseUrl}/Notifications");
        await shots.TakeAsync(divisionHead, "10-division-head-notices");
        var notices = await divisionHead.GetByTestId("notification-open").CountAsync();
        Assert.True(notices > 0, "the division head received no notice");
        for (var i = 0; i < notices; i++)
        {
            await divisionHead.GotoAsync($"{app.BaseUrl}/Notifications");
            var open = divisionHead.GetByTestId("notification-open").Nth(i);
            var subject = await open.TextContentAsync();
            // Opening marks it read (a POST) and follows its link: the page the link leads to must answer 200.
            var response = await divisionHead.RunAndWaitForResponseAsync(() => open.ClickAsync(), r => r.Request.IsNavigationRequest && r.Request.Method == "GET");
            Assert.True(response.Status == 200, $"notice «{subject?.Trim()}» opened {response.Url} with {response.Status}");
            if (i == 0)
            {
                await shots.TakeAsync(divisionHead, "11-division-head-opened-notice");
            }
        }

        await divisionHead.GotoAsync($"{app.BaseUrl}/Dashboard");
        await shots.TakeAsync(divisionHead, "12-division-head-dashboard");
        await AssertNoHorizontalScrollAsync(divisionHead, width);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_auditor_records_a_sampled_test_and_a_finding_in_fieldwork(int width, int height)
    {
        await EveryoneReadsJapaneseAsync();
        var auditId = await app.QueryAsync(db => db.Audits.Where(a => a.Status == AuditStatus.InFieldwork && a.LeadAuditor.Email == "audit@sakura.example")
            .Select(a => a.Id).FirstAsync());
        var shots = new Shots($"{width}");
        var auditor = await SignInAsync(width, height, "audit@sakura.example", "松本 健一");
        var errors = ScriptErrors(auditor);
        await auditor.GotoAsync($"{app.BaseUrl}/Audits/Fieldwork/{auditId}");
        await shots.TakeAsync(auditor, "20-auditor-fieldwork");

        // A random sample of 5 out of 40 records, reproducible from its seed.
        var measure = auditor.GetByTestId("measure").First;
        var code = await measure.GetAttributeAsync("data-code");
        var test = measure.GetByTestId("test-form");
        await test.Locator($"#procedure-{code}").FillAsync($"持出し記録簿 40件から5件を無作為に抽出し、承認印と返却日を確認した({width}px)。");
        await test.Locator($"#inspected-{code}").FillAsync("持出し記録簿(2026年10月〜11月)");
        await test.Locator($"#method-{code}").SelectOptionAsync("Random");
        await test.Locator($"#population-{code}").FillAsync("40");
        await test.Locator($"#sample-{code}").FillAsync("5");
        await test.Locator($"#result-{code}").SelectOptionAsync("Nonconforming");
        await test.Locator("button[type=submit]").ClickAsync();
        var sample = auditor.GetByTestId("measure").First.GetByTestId("sample-items");
        await Assertions.Expect(sample).Not.ToHaveValueAsync("");
        await shots.TakeAsync(auditor, "21-auditor-sampled");

        var finding = auditor.GetByTestId("finding-form");
        await finding.Locator("#f-classification").SelectOptionAsync("MinorNonconformity");
        await finding.Locator("#f-description").FillAsync($"抽出した5件のうち1件で返却日の記録がなかった({width}px)。");
        await finding.Locator("#f-evidence").FillAsync("持出し記録簿 No.2026-118");
        await finding.Locator("#f-root").FillAsync("返却時の確認手順が決まっていなかった。");
        await finding.Locator("#f-action").FillAsync("返却時に管理者が記録簿を確認し押印する手順を定める。");
        await finding.Locator("#f-due").FillAsync(DateTime.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var owner = await finding.Locator("#f-owner option:not([value=''])").First.GetAttributeAsync("value");
        await finding.Locator("#f-owner").SelectOptionAsync(owner!);
        await finding.Locator("button[type=submit]").ClickAsync();
        var refused = auditor.GetByTestId("finding-errors");
        Assert.False(await refused.IsVisibleAsync(), "the finding was refused: " + (await refused.IsVisibleAsync() ? await refused.TextContentAsync() : ""));
        // The finding opens on its own page, with the corrective action the department must take.
        await Assertions.Expect(auditor.GetByTestId("finding")).ToContainTextAsync($"返却日の記録がなかった({width}px)");
        await Assertions.Expect(auditor.GetByTestId("corrective-action")).ToContainTextAsync("押印する手順");
        await shots.TakeAsync(auditor, "22-auditor-finding");
        Assert.Empty(errors);
        Assert.True(await app.QueryAsync(db => db.Findings.AnyAsync(f => f.AuditId == auditId && f.Description.Contains($"({width}px)"))));
        await AssertNoHorizontalScrollAsync(auditor, width);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Management_reads_the_dashboard_and_downloads_the_management_review_workbook(int width, int height)
    {
        await EveryoneReadsJapaneseAsync();
        var shots = new Shots($"{width}");
        var management = await SignInAsync(width, height, "exec@sakura.example", "清水 誠");
        await management.GotoAsync($"{app.BaseUrl}/Dashboard");
        await Assertions.Expect(management.GetByTestId("overall")).ToContainTextAsync("%");
        await shots.TakeAsync(management, "30-management-dashboard");

        var download = await management.RunAndWaitForDownloadAsync(() => management.GetByTestId("workbook-download").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        await using var file = File.OpenRead(path);
        var sheet = Controls.Web.Infrastructure.Excel.XlsxReading.FirstSheet(file, 10_000);
        Assert.Equal(Controls.Web.Infrastructure.Excel.XlsxReading.Problem.None, sheet.Problem);
        Assert.NotEmpty(sheet.Rows);
    }

    private sealed class Shots(string prefix)
    {
        /// <summary>A screenshot once the page has settled (Chromium refuses one taken mid-navigation; it is tried once more).</summary>
        public async Task TakeAsync(IPage page, string name)
        {
            var path = BrowserApp.ScreenshotPath($"scenario-{prefix}-{name}.png");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            try
            {
                await page.ScreenshotAsync(new() { Path = path });
            }
            catch (PlaywrightException)
            {
                await page.WaitForTimeoutAsync(500);
                await page.ScreenshotAsync(new() { Path = path });
            }
        }
    }

    private async Task<IPage> SignInAsync(int width, int height, string email, string shownName)
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/Account/SignIn");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(shownName);
        return page;
    }

    private static List<string> ScriptErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Answers one item as a person does: choose, write the comment it needs, plan the improvement it needs; autosave does the rest.</summary>
    private static async Task AnswerAsync(IPage page, string code, string kind)
    {
        var form = page.GetByTestId($"answer-form-{code}");
        await form.Locator($"#value-{Css(code)}-{kind}").CheckAsync();
        if (kind != "Yes")
        {
            var comment = page.Locator($"#comment-{Css(code)}");
            await comment.FillAsync(kind switch
            {
                "Partial" => "規程は作成済み、全員への周知が未了。",
                "No" => "手順書がまだない。",
                _ => "当部門ではこの業務を行っていない。",
            });
            await comment.DispatchEventAsync("change");
        }

        await Assertions.Expect(form.Locator("[data-save-status]")).ToHaveClassAsync(new Regex("text-success"));
        if (kind is "Partial" or "No")
        {
            var action = page.GetByTestId($"action-form-{code}");
            await Assertions.Expect(action).ToBeVisibleAsync();
            await action.Locator($"#action-text-{Css(code)}").FillAsync("周知用の資料を作り、部門会議で説明する。");
            await action.Locator($"#action-due-{Css(code)}").FillAsync(DateTime.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var owner = await action.Locator($"#action-owner-{Css(code)} option:not([value=''])").First.GetAttributeAsync("value");
            await action.Locator($"#action-owner-{Css(code)}").SelectOptionAsync(owner!);
            await page.GetByTestId($"save-action-{code}").ClickAsync();
            var errors = page.GetByTestId($"item-{code}").GetByTestId("item-errors");
            Assert.False(await errors.IsVisibleAsync(), $"the improvement action of {code} was refused: " + (await errors.IsVisibleAsync() ? await errors.TextContentAsync() : ""));
            await Assertions.Expect(page.GetByTestId($"action-{code}").GetByTestId("action-summary")).ToBeVisibleAsync();
        }
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByTestId("sign-off").CheckAsync();
        await page.GetByTestId("submit-inspection").ClickAsync();
        var refused = page.GetByTestId("submit-errors");
        Assert.False(await refused.IsVisibleAsync(), "submitting was refused: " + (await refused.IsVisibleAsync() ? await page.GetByTestId("missing").TextContentAsync() : ""));
        await Assertions.Expect(page.GetByTestId("submitted-note")).ToBeVisibleAsync();
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide on a {width} px screen");
    }

    private static string Css(string code) => code.Replace(".", "\\.", StringComparison.Ordinal);

    private Task<InspectionStatus> StatusAsync(Guid id) => app.QueryAsync(db => db.Inspections.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    private async Task EveryoneReadsJapaneseAsync()
    {
        await using var db = app.Db();
        await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "ja"));
    }

    /// <summary>A fresh inspection of two measures for General Affairs (head: 佐藤 花子), one per screen size.</summary>
    private async Task<(Guid Id, List<string> Items)> NewInspectionAsync(int width)
    {
        await using var db = app.Db();
        var department = await db.Departments.SingleAsync(d => d.Code == "ADM-GA");
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).FirstAsync();
        string[] measures = ["POL-1", "HUM-1"];
        var items = await db.CheckItems.Where(i => i.Measure.CatalogVersionId == version.Id && measures.Contains(i.Measure.Code))
            .OrderBy(i => i.Measure.SortOrder).ThenBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            MeasureCodes = [.. measures],
            DepartmentId = department.Id,
            TargetKey = $"scenario:{width}:" + Guid.NewGuid(),
            PeriodStart = new DateOnly(2026, 10, 1),
            PeriodEnd = new DateOnly(2026, 12, 31),
            DueOn = DateOnly.FromDateTime(DateTime.Today.AddDays(14)),
            Status = InspectionStatus.NotStarted,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return (inspection.Id, items);
    }
}
