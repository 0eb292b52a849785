using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests;

public class TwoFactorTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    /// <summary>Enrols the signed-in user's authenticator and returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, string[] RecoveryCodes)> EnrolAsync(HttpClient client, string page = "/Account/Manage/EnableAuthenticator")
    {
        var setup = await client.GetPageAsync(page);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        Assert.StartsWith("otpauth://totp/Controls:", setup.QuerySelector("#authenticator-qr")!.GetAttribute("data-qr"));

        var wrong = await client.SubmitFormAsync(setup, new() { ["Input.Code"] = "000000" });
        Assert.Contains("確認コードが正しくありません。認証アプリの最新のコードを入力してください。", await HttpForms.ErrorsAsync(wrong));

        var enabled = await client.SubmitFormAsync(page, new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codesPage = await client.FollowAsync(enabled);
        var codes = codesPage.QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToArray();
        return (key, codes);
    }

    [Fact]
    public async Task A_user_enrols_an_authenticator_and_then_needs_its_code_to_sign_in()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (key, codes) = await EnrolAsync(await app.SignInAsync(user));
        Assert.Equal(10, codes.Length);
        Assert.True((await app.ReloadUserAsync(user.Id)).TwoFactorEnabled);

        var client = app.Anonymous();
        var password = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.StartsWith("/Account/SignInTwoFactor", password.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);   // not signed in yet

        var wrong = await client.SubmitFormAsync(password.RedirectPath(), new() { ["Input.Code"] = "123456" });
        Assert.Contains("確認コードが正しくありません。認証アプリの最新のコードを入力してください。", await HttpForms.ErrorsAsync(wrong));

        var right = await client.SubmitFormAsync(password.RedirectPath(), new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", right.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (_, codes) = await EnrolAsync(await app.SignInAsync(user));

        async Task<HttpResponseMessage> SignInWithRecovery(string code)
        {
            var client = app.Anonymous();
            await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
            return await client.SubmitFormAsync("/Account/SignInRecoveryCode", new() { ["Input.RecoveryCode"] = code });
        }

        Assert.Equal("/", (await SignInWithRecovery(codes[0])).RedirectPath());
        Assert.Contains("リカバリーコードが正しくないか、すでに使用されています。", await HttpForms.ErrorsAsync(await SignInWithRecovery(codes[0])));
    }

    [Fact]
    public async Task When_an_administrator_requires_it_for_a_role_its_members_must_enrol_before_anything_else()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var settings = await admin.SubmitFormAsync("/Admin/Settings", new()
        {
            ["Input.NameJa"] = "テスト株式会社",
            ["Input.NameEn"] = "Test Co., Ltd.",
            ["Input.TwoFactorRequiredRoles"] = new[] { Roles.ComplianceOfficer },
        });
        Assert.Equal("/Admin/Settings", settings.RedirectPath());
        Assert.Equal([Roles.ComplianceOfficer], await app.QueryAsync(db => db.OrganisationSettings.Select(s => s.TwoFactorRequiredRoles).SingleAsync()));

        try
        {
            var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], (await app.CreateDepartmentAsync()).Id);
            var client = await app.SignInAsync(officer);
            var home = await client.GetAsync("/");
            Assert.Equal("/Account/Manage/EnableAuthenticator?required=True", home.RedirectPath());
            var notice = await client.GetPageAsync(home.RedirectPath());
            Assert.NotNull(notice.QuerySelector("[data-testid='2fa-required']"));

            await EnrolAsync(client, home.RedirectPath());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            // Required by the role: it cannot be switched off. The button is not offered, and a forged post is refused.
            var twoFactorPage = await client.GetPageAsync("/Account/Manage/TwoFactor");
            Assert.Null(twoFactorPage.QuerySelector("[formaction*='handler=Disable']"));
            var disable = await client.SubmitFormAsync(twoFactorPage, [], "main form", action: "/Account/Manage/TwoFactor?handler=Disable");
            Assert.Contains("あなたの役割では2要素認証が必須のため、無効にできません。", await HttpForms.ErrorsAsync(disable));
            Assert.True((await app.ReloadUserAsync(officer.Id)).TwoFactorEnabled);

            // Other roles are not affected.
            var auditor = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(auditor)).GetAsync("/")).StatusCode);
        }
        finally
        {
            await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.TwoFactorRequiredRoles"] = Array.Empty<string>() });
        }
    }

    [Fact]
    public async Task Once_on_the_key_is_never_shown_again_and_a_new_one_needs_the_password()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(user);
        var (key, _) = await EnrolAsync(client);

        var again = await client.GetPageAsync("/Account/Manage/EnableAuthenticator");
        Assert.Null(again.QuerySelector("[data-testid=authenticator-key]"));
        Assert.Null(again.QuerySelector("#authenticator-qr"));
        Assert.DoesNotContain(key.Replace(" ", "", StringComparison.Ordinal), again.DocumentElement.OuterHtml.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(again.QuerySelector("[data-testid='2fa-already-on']"));

        var wrong = await client.SubmitFormAsync(again, new() { ["Password"] = "not-my-password" }, "form[action*='handler=Reset']");
        Assert.Contains("現在のパスワードが正しくありません。続けて間違えると、しばらくサインインできなくなります。", await HttpForms.ErrorsAsync(wrong));
        Assert.True((await app.ReloadUserAsync(user.Id)).TwoFactorEnabled);
        Assert.Equal(1, (await app.ReloadUserAsync(user.Id)).AccessFailedCount);

        var reset = await client.SubmitFormAsync(again, new() { ["Password"] = ControlsApp.Password }, "form[action*='handler=Reset']");
        var setup = await client.FollowAsync(reset);
        var newKey = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        Assert.NotEqual(key, newKey);
        Assert.False((await app.ReloadUserAsync(user.Id)).TwoFactorEnabled);   // until the new key is verified
    }

    [Fact]
    public async Task New_recovery_codes_and_turning_it_off_need_the_current_password()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(user);
        var (_, codes) = await EnrolAsync(client);
        var page = await client.GetPageAsync("/Account/Manage/TwoFactor");

        var noPassword = await client.SubmitFormAsync(page, [], "[data-testid='2fa-manage']", action: "/Account/Manage/TwoFactor?handler=ResetRecoveryCodes");
        Assert.Contains("現在のパスワードが正しくありません。続けて間違えると、しばらくサインインできなくなります。", await HttpForms.ErrorsAsync(noPassword));
        var off = await client.SubmitFormAsync(page, new() { ["Password"] = "wrong-password" }, "[data-testid='2fa-manage']", action: "/Account/Manage/TwoFactor?handler=Disable");
        Assert.Contains("現在のパスワードが正しくありません。続けて間違えると、しばらくサインインできなくなります。", await HttpForms.ErrorsAsync(off));
        Assert.True((await app.ReloadUserAsync(user.Id)).TwoFactorEnabled);

        var fresh = await client.SubmitFormAsync(page, new() { ["Password"] = ControlsApp.Password }, "[data-testid='2fa-manage']", action: "/Account/Manage/TwoFactor?handler=ResetRecoveryCodes");
        var newCodes = (await client.FollowAsync(fresh)).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToArray();
        Assert.Equal(10, newCodes.Length);
        Assert.Empty(newCodes.Intersect(codes));

        var disabled = await client.SubmitFormAsync(page, new() { ["Password"] = ControlsApp.Password }, "[data-testid='2fa-manage']", action: "/Account/Manage/TwoFactor?handler=Disable");
        Assert.Equal("/Account/Manage", disabled.RedirectPath());
        Assert.False((await app.ReloadUserAsync(user.Id)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_password_page_lock_the_account()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(user);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await client.SubmitFormAsync("/Account/Manage/ChangePassword", new()
            {
                ["Input.CurrentPassword"] = "guess-number-" + i,
                ["Input.NewPassword"] = "a-new-long-passphrase",
                ["Input.ConfirmPassword"] = "a-new-long-passphrase",
            });
        }

        Assert.Equal("/Account/Lockout", response.RedirectPath());
        Assert.True((await app.ReloadUserAsync(user.Id)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);   // signed out
        var signIn = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal("/Account/Lockout", signIn.RedirectPath());
    }

    [Fact]
    public async Task An_administrator_without_two_factor_authentication_must_set_it_up_before_anything_else()
    {
        var admin = await app.CreateUserAsync([Roles.Administrator], twoFactor: false);
        var client = await app.SignInAsync(admin);
        foreach (var page in new[] { "/", "/Admin/Users", "/Admin/Settings" })
        {
            Assert.Equal("/Account/Manage/EnableAuthenticator?required=True", (await client.GetAsync(page)).RedirectPath());
        }

        await EnrolAsync(client, "/Account/Manage/EnableAuthenticator?required=True");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        var twoFactorPage = await client.GetPageAsync("/Account/Manage/TwoFactor");
        Assert.Null(twoFactorPage.QuerySelector("[formaction*='handler=Disable']"));
    }

    [Fact]
    public async Task Authenticator_keys_and_recovery_codes_are_stored_encrypted_and_plain_ones_from_before_are_encrypted_at_start()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (key, codes) = await EnrolAsync(await app.SignInAsync(user));

        // The raw table: neither the key nor any recovery code can be read there.
        var raw = await app.QueryAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());
        Assert.Equal(["AuthenticatorKey", "RecoveryCodes"], raw.Select(t => t.Name).Order());
        var plainKey = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.All(raw, t =>
        {
            Assert.StartsWith("dp1:", t.Value);
            Assert.DoesNotContain(plainKey, t.Value!, StringComparison.OrdinalIgnoreCase);
            Assert.All(codes, code => Assert.DoesNotContain(code, t.Value!, StringComparison.Ordinal));
        });

        // A key stored in plain text by an earlier version still works, and is encrypted at the next start.
        var earlier = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        const string earlierKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var db = app.Db())
        {
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> { UserId = earlier.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = earlierKey });
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == earlier.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true));
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await Controls.Web.Infrastructure.Authorization.EncryptStoredTokens.RunAsync(scope.ServiceProvider) >= 1);
            Assert.Equal(0, await Controls.Web.Infrastructure.Authorization.EncryptStoredTokens.RunAsync(scope.ServiceProvider));   // idempotent
        }

        var stored = await app.QueryAsync(db => db.UserTokens.AsNoTracking().SingleAsync(t => t.UserId == earlier.Id));
        Assert.StartsWith("dp1:", stored.Value);
        Assert.DoesNotContain(earlierKey, stored.Value!, StringComparison.Ordinal);
        var client = app.Anonymous();
        var password = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = earlier.Email!, ["Input.Password"] = ControlsApp.Password });
        var signedIn = await client.SubmitFormAsync(password.RedirectPath(), new() { ["Input.Code"] = Totp.Code(earlierKey, DateTimeOffset.UtcNow) });
        Assert.Equal("/", signedIn.RedirectPath());
    }
}

/// <summary>Accounts:AdministratorsRequireTwoFactor=false relaxes the administrators' requirement (README).</summary>
public class RelaxedAdministratorTwoFactorTests(RelaxedAdministratorTwoFactorTests.App app) : IClassFixture<RelaxedAdministratorTwoFactorTests.App>
{
    public sealed class App : ControlsApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Accounts:AdministratorsRequireTwoFactor", "false");
        }
    }

    [Fact]
    public async Task With_the_setting_off_an_administrator_works_without_it()
    {
        var admin = await app.CreateUserAsync([Roles.Administrator], twoFactor: false);
        var client = await app.SignInAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }
}
