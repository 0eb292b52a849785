using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;

namespace Controls.IntegrationTests;

public class SignInTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_Japanese_sign_in_page()
    {
        var client = app.Anonymous();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.RedirectPath());

        var page = await client.FollowAsync(response);
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("サインイン", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_user_signs_in_sees_their_home_page_and_signs_out()
    {
        var department = await app.CreateDepartmentAsync();
        var user = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var client = await app.SignInAsync(user);

        var home = await client.GetPageAsync("/");
        Assert.Contains("テスト部", home.QuerySelector("[data-testid=home-department]")!.TextContent);
        Assert.Contains("部門責任者", home.QuerySelector("[data-testid=home-roles]")!.TextContent);

        var signedOut = await client.SubmitFormAsync(home, [], "form[action='/Account/SignOut']");
        Assert.Equal("/Account/SignIn", signedOut.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_signs_nobody_in()
    {
        var user = await app.CreateUserAsync([Roles.Management], (await app.CreateDepartmentAsync()).Id);
        var client = app.Anonymous();
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "not-the-password" });

        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await HttpForms.ErrorsAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, (await app.ReloadUserAsync(user.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var response = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = "nobody@test.example", ["Input.Password"] = "whatever-it-is" });
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await HttpForms.ErrorsAsync(response));
    }

    [Fact]
    public async Task Missing_and_malformed_input_is_explained_on_the_page()
    {
        var response = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = "not-an-email", ["Input.Password"] = "" });
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.Contains("メールアドレスの形式が正しくありません。", errors);
        Assert.Contains("パスワードを入力してください。", errors);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong-password-" + i });
        }

        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/Account/Lockout", response.RedirectPath());
        var page = await client.FollowAsync(response);
        Assert.Contains("ロック", page.QuerySelector("[data-testid=lockout-title]")!.TextContent);
        Assert.True((await app.ReloadUserAsync(user.Id)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        await using (var db = app.Db())
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.IsActive = false;
            await db.SaveChangesAsync();
        }

        var response = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await HttpForms.ErrorsAsync(response));
    }

    [Fact]
    public async Task A_return_url_outside_the_site_is_ignored()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = app.Anonymous();
        var page = await client.GetPageAsync("/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var response = await client.SubmitFormAsync(page, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/", response.RedirectPath());
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(user);

        var tooShort = await client.SubmitFormAsync("/Account/Manage/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = ControlsApp.Password,
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("パスワードは12文字以上にしてください。", await HttpForms.ErrorsAsync(tooShort));

        var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = ControlsApp.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await app.SignInAsync(user, "a brand new passphrase");
    }
}
