using Microsoft.Playwright;

namespace Controls.BrowserTests;

public class SignInFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_demo_administrator_signs_in_sets_up_two_factor_authentication_switches_to_English_and_signs_out()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");

        // Anonymous: the Japanese sign-in page, with the demo notice.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("サインイン");
        await Assertions.Expect(page.GetByTestId("demo-notice")).ToBeVisibleAsync();

        await page.GetByLabel("メールアドレス").FillAsync("admin@sakura.example");
        await page.GetByLabel("パスワード").FillAsync("Controls-Demo-2026");
        await page.GetByTestId("sign-in").ClickAsync();

        // Administrators must use two-factor authentication: the first page sets up the authenticator app.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("認証アプリを設定");
        await Assertions.Expect(page.GetByTestId("2fa-required")).ToBeVisibleAsync();
        var key = await page.GetByTestId("authenticator-key").TextContentAsync();
        await page.GetByLabel("確認コード").FillAsync(Controls.IntegrationTests.Infrastructure.Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("山田 太郎");
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("ユーザー");

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome, 山田 太郎");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("home-en.png"), FullPage = true });

        // The administrator's pages work in the browser too (no inline script is needed), reached
        // through the Administration menu of the navigation bar.
        await page.GetByTestId("nav-admin-menu").ClickAsync();
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Departments" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("departments-table")).ToContainTextAsync("East Japan Sales Department");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GotoAsync(app.BaseUrl + "/Admin/Users");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn\\?ReturnUrl="));
    }
}
