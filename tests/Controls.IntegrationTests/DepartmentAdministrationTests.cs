using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

public class DepartmentAdministrationTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Code() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task An_administrator_creates_a_division_and_a_department_under_it()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var divisionCode = Code();
        var response = await admin.SubmitFormAsync("/Admin/Departments/Create", new()
        {
            ["Input.Code"] = divisionCode,
            ["Input.NameJa"] = "営業本部",
            ["Input.NameEn"] = "Sales Division",
        });
        Assert.Equal("/Admin/Departments", response.RedirectPath());
        var division = await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Code == divisionCode));

        var departmentCode = Code();
        await admin.SubmitFormAsync("/Admin/Departments/Create", new()
        {
            ["Input.Code"] = departmentCode,
            ["Input.NameJa"] = "東日本営業部",
            ["Input.NameEn"] = "East Japan Sales",
            ["Input.ParentId"] = division.Id.ToString(),
        });
        var department = await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Code == departmentCode));
        Assert.Equal(division.Id, department.ParentId);

        var tree = await admin.GetPageAsync("/Admin/Departments");
        Assert.Contains("東日本営業部", tree.QuerySelector("[data-testid=departments-table]")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_is_explained_and_nothing_is_saved()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var existing = await app.CreateDepartmentAsync();
        var before = await app.QueryAsync(db => db.Departments.CountAsync());

        var duplicate = await admin.SubmitFormAsync("/Admin/Departments/Create", new() { ["Input.Code"] = existing.Code.ToLowerInvariant(), ["Input.NameJa"] = "重複", ["Input.NameEn"] = "Duplicate" });
        Assert.Contains($"部門コード「{existing.Code.ToLowerInvariant()}」はすでに使われています。", await HttpForms.ErrorsAsync(duplicate));

        var malicious = await admin.SubmitFormAsync("/Admin/Departments/Create", new() { ["Input.Code"] = "<script>", ["Input.NameJa"] = "", ["Input.NameEn"] = new string('x', 101) });
        var errors = await HttpForms.ErrorsAsync(malicious);
        Assert.Contains("部門コードは英数字・ハイフン・アンダースコアで入力してください(先頭は英数字)。", errors);
        Assert.Contains("名称(日本語)を入力してください。", errors);
        Assert.Contains("名称(英語)は100文字以内で入力してください。", errors);

        Assert.Equal(before, await app.QueryAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task A_department_is_renamed_and_moved_but_never_under_itself()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var parent = await app.CreateDepartmentAsync();
        var child = await app.CreateDepartmentAsync(parentId: parent.Id);
        var otherParent = await app.CreateDepartmentAsync();

        var cycle = await admin.SubmitFormAsync($"/Admin/Departments/Edit/{parent.Id}", new() { ["Input.ParentId"] = child.Id.ToString() });
        Assert.Contains("部門を自分自身やその配下の部門の下に移動することはできません。", await HttpForms.ErrorsAsync(cycle));

        var moved = await admin.SubmitFormAsync($"/Admin/Departments/Edit/{child.Id}", new() { ["Input.ParentId"] = otherParent.Id.ToString(), ["Input.NameJa"] = "改称後の部" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var stored = await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Id == child.Id));
        Assert.Equal(otherParent.Id, stored.ParentId);
        Assert.Equal("改称後の部", stored.NameJa);
    }

    [Fact]
    public async Task A_department_with_active_sub_departments_cannot_be_retired_and_a_retired_one_is_kept()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var parent = await app.CreateDepartmentAsync();
        var child = await app.CreateDepartmentAsync(parentId: parent.Id);

        var refused = await admin.SubmitFormAsync($"/Admin/Departments/Edit/{parent.Id}", [], "form[action*='handler=Retire']");
        Assert.Contains("配下に有効な部門があるため廃止できません。先に配下の部門を移動するか廃止してください。", await HttpForms.ErrorsAsync(refused));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Departments/Edit/{child.Id}", [], "form[action*='handler=Retire']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Departments/Edit/{parent.Id}", [], "form[action*='handler=Retire']")).StatusCode);
        var retired = await app.QueryAsync(db => db.Departments.Where(d => d.Id == parent.Id || d.Id == child.Id).ToListAsync());
        Assert.All(retired, d => Assert.NotNull(d.RetiredAt));

        // Retired departments are hidden from the tree unless asked for, and cannot take new users.
        Assert.DoesNotContain(parent.Code, (await admin.GetPageAsync("/Admin/Departments")).QuerySelector("[data-testid=departments-table]")!.TextContent);
        Assert.Contains(parent.Code, (await admin.GetPageAsync("/Admin/Departments?ShowRetired=true")).QuerySelector("[data-testid=departments-table]")!.TextContent);
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_not_overwritten()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var department = await app.CreateDepartmentAsync();
        var page = await admin.GetPageAsync($"/Admin/Departments/Edit/{department.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Departments/Edit/{department.Id}", new() { ["Input.NameJa"] = "先の名前" })).StatusCode);

        var late = await admin.SubmitFormAsync(page, new() { ["Input.NameJa"] = "後の名前" });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(late));
        Assert.Equal("先の名前", await app.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.NameJa).SingleAsync()));
    }

    [Fact]
    public async Task The_head_of_a_department_is_chosen_from_active_users()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var response = await admin.SubmitFormAsync($"/Admin/Departments/Edit/{department.Id}", new() { ["Input.HeadUserId"] = head.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(head.Id, await app.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.HeadUserId).SingleAsync()));

        var unknown = await admin.SubmitFormAsync($"/Admin/Departments/Edit/{department.Id}", new() { ["Input.HeadUserId"] = Guid.NewGuid().ToString() });
        Assert.Contains("部門責任者には有効なユーザーを選んでください。", await HttpForms.ErrorsAsync(unknown));
    }
}
