using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

public class UserAdministrationTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static Dictionary<string, object> NewUser(string email, Guid? departmentId, params string[] roles) => new()
    {
        ["Input.DisplayName"] = "新規 利用者",
        ["Input.Email"] = email,
        ["Input.DepartmentId"] = departmentId?.ToString() ?? "",
        ["Input.Roles"] = roles,
        ["Input.Language"] = "ja",
        ["Password"] = "initial passphrase 2026",
    };

    [Fact]
    public async Task An_administrator_creates_a_department_head_who_can_then_sign_in()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var department = await app.CreateDepartmentAsync();
        var email = $"new{Guid.NewGuid():N}@test.example";

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", NewUser(email, department.Id, Roles.DepartmentHead));
        Assert.Equal("/Admin/Users", response.RedirectPath());
        var list = await admin.FollowAsync(response);
        Assert.Contains(email, list.QuerySelector("[data-testid=users-table]")!.TextContent);

        var created = await app.QueryAsync(db => db.Users.Include(u => u.Department).SingleAsync(u => u.Email == email));
        Assert.Equal(department.Id, created.DepartmentId);
        var client = app.Anonymous();
        var signIn = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = "initial passphrase 2026" });
        Assert.Equal("/", signIn.RedirectPath());
        Assert.Contains("部門責任者", (await client.GetPageAsync("/")).QuerySelector("[data-testid=home-roles]")!.TextContent);
    }

    [Theory]
    [InlineData("not-an-email", "initial passphrase 2026", "DepartmentHead", true, "メールアドレスの形式が正しくありません。")]
    [InlineData("ok@test.example", "short", "DepartmentHead", true, "パスワードは12文字以上にしてください。")]
    [InlineData("ok2@test.example", "initial passphrase 2026", "Superuser", true, "存在しない役割が指定されています。")]
    [InlineData("ok3@test.example", "initial passphrase 2026", "DepartmentHead", false, "システム管理者以外の役割には所属部門が必要です。")]
    public async Task Bad_input_is_explained_and_nothing_is_saved(string email, string password, string role, bool withDepartment, string message)
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var department = withDepartment ? (await app.CreateDepartmentAsync()).Id : (Guid?)null;
        var before = await app.QueryAsync(db => db.Users.CountAsync());
        var input = NewUser(email, department, role);
        input["Password"] = password;

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", input);
        Assert.Contains(message, await HttpForms.ErrorsAsync(response));
        Assert.Equal(before, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_email_is_refused()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var existing = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var response = await admin.SubmitFormAsync("/Admin/Users/Create", NewUser(existing.Email!, existing.DepartmentId, Roles.Auditor));
        Assert.Contains($"メールアドレス「{existing.Email}」はすでに登録されています。", await HttpForms.ErrorsAsync(response));
    }

    [Fact]
    public async Task Changing_roles_and_department_is_saved_and_recorded_in_the_audit_trail()
    {
        var (admin, adminUser) = await app.SignInAsNewAsync(Roles.Administrator);
        var from = await app.CreateDepartmentAsync();
        var to = await app.CreateDepartmentAsync();
        var user = await app.CreateUserAsync([Roles.DepartmentHead], from.Id);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DepartmentId"] = to.Id.ToString(),
            ["Input.Roles"] = new[] { Roles.DepartmentHead, Roles.Auditor },
        });
        Assert.Equal("/Admin/Users", response.RedirectPath());
        var stored = await app.ReloadUserAsync(user.Id);
        Assert.Equal(to.Id, stored.DepartmentId);
        var roles = await app.QueryAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal([Roles.Auditor, Roles.DepartmentHead], roles);

        var trail = await app.QueryAsync(db => db.AuditTrail.Where(e => e.EntityKey == user.Id.ToString() && e.Entity == "AppUser" && e.Action == AuditAction.Update).ToListAsync());
        Assert.Contains(trail, e => e.Actor == adminUser.Email && e.UserId == adminUser.Id && e.Changes.Contains(to.Id.ToString(), StringComparison.Ordinal));
        var roleTrail = await app.QueryAsync(db => db.AuditTrail.Where(e => e.Entity == "IdentityUserRole" && e.EntityKey.StartsWith(user.Id.ToString())).ToListAsync());
        Assert.Contains(roleTrail, e => e.Action == AuditAction.Insert && e.EntityKey.EndsWith("00000000-0000-0000-0000-000000000003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_not_overwritten()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var page = await admin.GetPageAsync($"/Admin/Users/Edit/{user.Id}");

        // Someone else saves first.
        var (other, _) = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new() { ["Input.DisplayName"] = "先に保存した名前" })).StatusCode);

        Assert.Equal("先に保存した名前", (await app.ReloadUserAsync(user.Id)).DisplayName);
        var late = await admin.SubmitFormAsync(page, new() { ["Input.DisplayName"] = "後から保存した名前" });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(late));
        Assert.Equal("先に保存した名前", (await app.ReloadUserAsync(user.Id)).DisplayName);
    }

    [Fact]
    public async Task A_deactivated_user_is_kept_but_signed_out_and_cannot_sign_in()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", [], "form[action*='handler=Deactivate']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await app.ReloadUserAsync(user.Id);
        Assert.False(stored.IsActive);
        Assert.NotNull(stored.DeactivatedAt);
        var signIn = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = ControlsApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var reactivate = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", [], "form[action*='handler=Reactivate']");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        await app.SignInAsync(user);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_or_demote_themselves()
    {
        var (admin, me) = await app.SignInAsNewAsync(Roles.Administrator);
        var deactivate = await admin.SubmitFormAsync($"/Admin/Users/Edit/{me.Id}", [], "form[action*='handler=Deactivate']");
        Assert.Contains("自分自身を無効化することはできません。", await HttpForms.ErrorsAsync(deactivate));

        var demote = await admin.SubmitFormAsync($"/Admin/Users/Edit/{me.Id}", new() { ["Input.Roles"] = Array.Empty<string>() });
        Assert.Contains("自分自身からシステム管理者の役割を外すことはできません。", await HttpForms.ErrorsAsync(demote));
        Assert.True((await app.ReloadUserAsync(me.Id)).IsActive);
    }

    [Fact]
    public async Task The_user_list_filters_by_role()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var management = await app.CreateUserAsync([Roles.Management], (await app.CreateDepartmentAsync()).Id);
        var auditor = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var page = await admin.GetPageAsync("/Admin/Users?Role=Management");
        var table = page.QuerySelector("[data-testid=users-table]")!.TextContent;
        Assert.Contains(management.Email!, table);
        Assert.DoesNotContain(auditor.Email!, table);
    }

    [Fact]
    public async Task Editing_an_unknown_user_is_a_404()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Edit/{Guid.NewGuid()}")).StatusCode);
    }
}
