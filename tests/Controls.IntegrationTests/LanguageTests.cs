using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;

namespace Controls.IntegrationTests;

public class LanguageTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task The_sign_in_page_switches_to_English()
    {
        var client = app.Anonymous();
        var signIn = await client.GetPageAsync("/Account/SignIn");
        var response = await client.SubmitFormAsync(signIn, new() { ["language"] = "en" }, "#language-switch");
        Assert.Equal("/Account/SignIn", response.RedirectPath());

        var english = await client.FollowAsync(response);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_signed_in_users_choice_is_remembered_on_their_account_for_the_next_sign_in()
    {
        var user = await app.CreateUserAsync([Roles.Management], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(user);
        var home = await client.GetPageAsync("/");
        await client.SubmitFormAsync(home, new() { ["language"] = "en" }, "#language-switch");
        Assert.Equal("en", (await app.ReloadUserAsync(user.Id)).PreferredLanguage);

        // A new browser (no cookie) gets Japanese on the sign-in page, then English once signed in.
        var otherBrowser = await app.SignInAsync(user);
        var englishHome = await otherBrowser.GetPageAsync("/");
        Assert.Equal("en", englishHome.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welcome", englishHome.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused_and_changes_nothing()
    {
        var client = app.Anonymous();
        var signIn = await client.GetPageAsync("/Account/SignIn");
        var response = await client.SubmitFormAsync(signIn, new() { ["language"] = "fr" }, "#language-switch");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ja", (await client.GetPageAsync("/Account/SignIn")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_language()
    {
        var client = app.Anonymous();
        var signIn = await client.GetPageAsync("/Account/SignIn");
        await client.SubmitFormAsync(signIn, new() { ["language"] = "en" }, "#language-switch");
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        Assert.Contains("E-mail address is required.", await HttpForms.ErrorsAsync(response));
    }
}
