using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Schedules;

public class SchedulePagesTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private async Task<(Guid Measures, Guid Contractors, Department Division, List<Department> Departments)> ArrangeAsync()
    {
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        var division = await app.CreateDepartmentAsync();
        var departments = new List<Department> { await app.CreateDepartmentAsync(parentId: division.Id), await app.CreateDepartmentAsync(parentId: division.Id) };
        var ids = await app.QueryAsync(db => db.Catalogs.ToDictionaryAsync(c => c.Key, c => c.Id));
        return (ids["appi-security-measures"], ids["appi-contractor-supervision"], division, departments);
    }

    private static Dictionary<string, object> Form(Guid catalog, Guid division, string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.CatalogId"] = catalog.ToString(),
        ["Input.Targets"] = "Division",
        ["Input.DivisionId"] = division.ToString(),
        ["Input.Recurrence"] = "Quarterly",
        ["Input.DueDays"] = "14",
        ["Input.StartsOn"] = "2026-04-01",
        ["Input.TimeZone"] = "Asia/Tokyo",
    };

    [Fact]
    public async Task A_compliance_officer_creates_a_quarterly_schedule_and_the_current_quarter_is_created_at_once()
    {
        var (catalog, _, division, departments) = await ArrangeAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var name = "四半期 APPI 点検 " + division.Code;
        var response = await client.SubmitFormAsync("/Schedules/Create", Form(catalog, division.Id, name));
        Assert.StartsWith("/Schedules/Details/", response.RedirectPath());

        var schedule = await app.QueryAsync(db => db.InspectionSchedules.SingleAsync(s => s.Name == name));
        var inspections = await app.QueryAsync(db => db.Inspections.Where(i => i.ScheduleId == schedule.Id).ToListAsync());
        Assert.NotEmpty(inspections);
        Assert.Equal(departments.Select(d => d.Id).Order(), inspections.Select(i => i.DepartmentId).Distinct().Order());

        var details = await client.FollowAsync(response);
        Assert.Equal(5, details.QuerySelectorAll("[data-testid=upcoming] li").Length);
        Assert.NotEmpty(details.QuerySelectorAll("[data-testid=generated] tbody tr"));
        Assert.Contains(name, (await client.GetPageAsync("/Schedules")).QuerySelector("[data-testid=schedules-table]")!.TextContent);
    }

    [Theory]
    [InlineData("Input.Recurrence", "Cron", "cron 式が正しくありません。秒 分 時 日 月 曜日 の6項目で書いてください(曜日は 1〜7 で 1 = 日曜、または SUN〜SAT。年は指定できません。例: 0 0 9 ? 1,4,7,10 MON#1)。")]
    [InlineData("Input.DueDays", "0", "期限(期間開始から何日後)は1〜365の範囲で入力してください。")]
    [InlineData("Input.EndsOn", "2026-01-01", "終了日は開始日以降にしてください。")]
    [InlineData("Input.MeasureCodes", "ORG-3, XYZ-9", "チェックリストにない安全管理措置です: XYZ-9")]
    [InlineData("Input.Targets", "Contractors", "このチェックリストは部門向けです。対象に部門を選んでください。")]
    [InlineData("Input.TimeZone", "Mars/Olympus", "タイムゾーン名が正しくありません(例: Asia/Tokyo)。")]
    [InlineData("Input.Name", "", "名称を入力してください。")]
    public async Task Bad_input_is_explained_and_nothing_is_saved(string field, string value, string message)
    {
        var (catalog, _, division, _) = await ArrangeAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var before = await app.QueryAsync(db => db.InspectionSchedules.CountAsync());
        var form = Form(catalog, division.Id, "bad " + Guid.NewGuid());
        form[field] = value;
        var response = await client.SubmitFormAsync("/Schedules/Create", form);
        Assert.Contains(message, await HttpForms.ErrorsAsync(response));
        Assert.Equal(before, await app.QueryAsync(db => db.InspectionSchedules.CountAsync()));
    }

    [Fact]
    public async Task A_schedule_is_paused_resumed_and_ended_from_its_page()
    {
        var (catalog, _, division, _) = await ArrangeAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var created = await client.SubmitFormAsync("/Schedules/Create", Form(catalog, division.Id, "lifecycle " + Guid.NewGuid()));
        var page = created.RedirectPath();

        await client.SubmitFormAsync(page, [], "form[action*='handler=Pause']");
        Assert.Equal("一時停止", (await client.GetPageAsync(page)).QuerySelector("[data-testid=schedule-status]")!.TextContent);
        await client.SubmitFormAsync(page, [], "form[action*='handler=Resume']");
        Assert.Equal("実施中", (await client.GetPageAsync(page)).QuerySelector("[data-testid=schedule-status]")!.TextContent);
        await client.SubmitFormAsync(page, [], "form[action*='handler=End']");
        Assert.Equal("終了", (await client.GetPageAsync(page)).QuerySelector("[data-testid=schedule-status]")!.TextContent);
    }

    [Fact]
    public async Task A_stale_pause_is_refused_as_a_conflict()
    {
        var (catalog, _, division, _) = await ArrangeAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var created = await client.SubmitFormAsync("/Schedules/Create", Form(catalog, division.Id, "stale " + Guid.NewGuid()));
        var stale = await client.GetPageAsync(created.RedirectPath());
        // Someone renames the schedule meanwhile.
        await client.SubmitFormAsync($"{created.RedirectPath().Replace("Details", "Edit", StringComparison.Ordinal)}", new() { ["Input.Name"] = "renamed meanwhile" });
        var late = await client.SubmitFormAsync(stale, [], "form[action*='handler=Pause']");
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(late));
    }

    [Fact]
    public async Task Department_heads_cannot_manage_schedules()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.DepartmentHead, Roles.Auditor, Roles.Management);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Schedules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Schedules/Create")).StatusCode);
    }
}
