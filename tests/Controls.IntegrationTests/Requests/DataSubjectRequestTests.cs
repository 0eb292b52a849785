using System.Globalization;
using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Reports.ExportsFollowTheListTests;

namespace Controls.IntegrationTests.Requests;

/// <summary>
/// The register of data subjects' requests (開示等の請求等) through its pages: a department head
/// records their department's requests and never sees another's; the due date comes from the
/// organisation's response period; the handling steps keep their rules; the export holds what the
/// list shows; a concurrent edit shows the conflict; bad input is refused with messages and changes nothing.
/// </summary>
public class DataSubjectRequestTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private Task<DataSubjectRequest> RequestAsync(string reference) =>
        app.QueryAsync(db => db.DataSubjectRequests.AsNoTracking().SingleAsync(r => r.Reference == reference));

    /// <summary>A request recorded straight in the database (for the tests that start from one).</summary>
    private async Task<DataSubjectRequest> SeedAsync(Guid departmentId, DataSubjectRequestKind kind = DataSubjectRequestKind.Disclosure, int receivedDaysAgo = 3,
        DataSubjectRequestStatus status = DataSubjectRequestStatus.Received, int dueInDays = 5)
    {
        var request = new DataSubjectRequest
        {
            Id = Guid.NewGuid(),
            Reference = Unique("R"),
            Kind = kind,
            ReceivedOn = Today.AddDays(-receivedDaysAgo),
            DueOn = Today.AddDays(dueInDays),
            DepartmentId = departmentId,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = Guid.NewGuid(),
        };
        await app.QueryAsync(async db =>
        {
            db.DataSubjectRequests.Add(request);
            return await db.SaveChangesAsync();
        });
        return request;
    }

    [Fact]
    public async Task A_department_head_records_a_request_for_their_department_due_by_the_organisations_period_and_cannot_see_another_departments()
    {
        // The organisation answers within 10 days (not the default 14).
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var settings = await admin.GetPageAsync("/Admin/Settings");
        Assert.Equal("14", settings.QuerySelector("[data-testid=request-response-days]")!.GetAttribute("value"));
        var saved = await admin.SubmitFormAsync(settings, new()
        {
            ["Input.NameJa"] = "テスト株式会社",
            ["Input.NameEn"] = "Test Co., Ltd.",
            ["Input.RequestResponseDays"] = "10",
        });
        Assert.Equal("/Admin/Settings", saved.RedirectPath());

        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var head = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], own.Id));
        var form = await head.GetPageAsync("/Requests/Create");
        Assert.Equal([own.Id.ToString()], form.QuerySelectorAll("#Input_DepartmentId option").Select(o => o.GetAttribute("value")).ToList());

        var reference = Unique("受付");
        var received = Today.AddDays(-2);
        var created = await head.SubmitFormAsync(form, new()
        {
            ["Input.Kind"] = "Disclosure",
            ["Input.Reference"] = reference,
            ["Input.ReceivedOn"] = Day(received),
            ["Input.Channel"] = "Web",
            ["Input.RequesterKind"] = "Principal",
            ["Input.Summary"] = "購入履歴の開示",
        });
        var details = await head.FollowAsync(created);
        Assert.Contains("開示", details.QuerySelector("[data-testid=kind]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("受付", details.QuerySelector("[data-testid=status]")!.TextContent);
        var request = await RequestAsync(reference);
        Assert.Equal(own.Id, request.DepartmentId);
        Assert.Equal(received.AddDays(10), request.DueOn);
        Assert.Equal(DataSubjectRequestStatus.Received, request.Status);

        // Another department's request: not in the list, 404 on every page of it, and not recordable for it.
        var theirs = await SeedAsync(other.Id);
        var list = await head.GetPageAsync("/Requests");
        Assert.Contains(list.QuerySelectorAll("[data-request]"), r => r.GetAttribute("data-request") == request.Id.ToString());
        Assert.DoesNotContain(list.QuerySelectorAll("[data-request]"), r => r.GetAttribute("data-request") == theirs.Id.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Requests/Details/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Requests/Edit/{theirs.Id}")).StatusCode);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var start = await head.PostAsync($"/Requests/Details/{theirs.Id}?handler=Start", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", "1")]));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(DataSubjectRequestStatus.Received, (await RequestAsync(theirs.Reference)).Status);

        var forged = Unique("他部門");
        var refused = await head.SubmitFormAsync("/Requests/Create", new()
        {
            ["Input.Reference"] = forged,
            ["Input.ReceivedOn"] = Day(Today),
            ["Input.DepartmentId"] = other.Id.ToString(),
        });
        Assert.Contains("自部門の請求等だけを記録できます。", await HttpForms.ErrorsAsync(refused));
        Assert.False(await app.QueryAsync(db => db.DataSubjectRequests.AnyAsync(r => r.Reference == forged)));

        // An auditor reads every department's but takes no step.
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var read = await auditor.GetPageAsync($"/Requests/Details/{theirs.Id}");
        Assert.Null(read.QuerySelector("[data-testid=answer-form]"));
        Assert.Null(read.QuerySelector("[data-testid=edit]"));
        var auditorToken = read.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var step = await auditor.PostAsync($"/Requests/Details/{theirs.Id}?handler=Start", new FormUrlEncodedContent([new("__RequestVerificationToken", auditorToken), new("Version", "1")]));
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Requests/Create")).StatusCode);
    }

    [Fact]
    public async Task A_request_is_answered_only_after_the_identity_check_and_a_refusal_needs_its_reason()
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var request = await SeedAsync(department.Id, DataSubjectRequestKind.Correction);
        var url = $"/Requests/Details/{request.Id}";

        // No answer before the identity is verified: the message, and nothing changes.
        var early = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Close.On"] = Day(Today),
            ["Close.Response"] = "住所を訂正した",
            ["Close.Method"] = "電子メール",
        }, "[data-testid=answer-form]");
        var page = await HttpForms.ParseAsync(early);
        Assert.Contains("本人確認を記録してから回答してください。", page.QuerySelector("[data-testid=page-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DataSubjectRequestStatus.Received, (await RequestAsync(request.Reference)).Status);

        // A refusal without a reason: its message in its form, nothing changes.
        var noReason = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Close.On"] = Day(Today),
            ["Close.Method"] = "郵送",
        }, "[data-testid=refuse-form]");
        Assert.Contains("入力してください。", await HttpForms.ErrorsAsync(noReason));
        Assert.Equal(DataSubjectRequestStatus.Received, (await RequestAsync(request.Reference)).Status);

        // Identity checked (in progress), then a fee on a correction is refused, then the answer closes it.
        var verified = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Identity.On"] = Day(Today.AddDays(-1)),
            ["Identity.Method"] = "運転免許証の写し",
        }, "[data-testid=identity-form]");
        Assert.Equal(url, verified.RedirectPath());
        Assert.Equal(DataSubjectRequestStatus.InProgress, (await RequestAsync(request.Reference)).Status);

        var fee = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Close.On"] = Day(Today),
            ["Close.Response"] = "住所を訂正した",
            ["Close.Method"] = "電子メール",
            ["Close.Fee"] = "500",
        }, "[data-testid=answer-form]");
        Assert.Contains("手数料は利用目的の通知と開示にだけ求めることができます。", await HttpForms.ErrorsAsync(fee));

        var answered = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Close.On"] = Day(Today),
            ["Close.Response"] = "住所を訂正した",
            ["Close.Method"] = "電子メール",
        }, "[data-testid=answer-form]");
        var done = await officer.FollowAsync(answered);
        Assert.Equal("回答済み", done.QuerySelector("[data-testid=status]")!.TextContent);
        var stored = await RequestAsync(request.Reference);
        Assert.Equal((DataSubjectRequestStatus.Answered, Today, "住所を訂正した", "電子メール"), (stored.Status, stored.ClosedOn!.Value, stored.Response, stored.ResponseMethod));
        Assert.Null(done.QuerySelector("[data-testid=answer-form]"));

        // Its steps are in the audit trail, in words.
        var trail = await officer.GetPageAsync($"/Admin/AuditTrail?Key={request.Id}");
        Assert.Contains(trail.QuerySelectorAll("[data-testid=audit-entity]"), e => e.TextContent == "開示等の請求等");
        Assert.Contains(trail.QuerySelectorAll("[data-testid=audit-changes]"), c => c.TextContent.Contains("状態: 対応中 → 回答済み", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_holds_exactly_the_requests_the_filtered_list_shows()
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var late = await SeedAsync(department.Id, DataSubjectRequestKind.CeaseUse, receivedDaysAgo: 30, status: DataSubjectRequestStatus.InProgress, dueInDays: -5);
        var onTime = await SeedAsync(department.Id, DataSubjectRequestKind.CeaseUse);
        var other = await SeedAsync(department.Id, DataSubjectRequestKind.Disclosure, dueInDays: -2);

        var page = await officer.GetPageAsync($"/Requests?Kind=CeaseUse&State=overdue&Department={department.Id}");
        var shown = page.QuerySelectorAll("[data-request]").Select(r => r.GetAttribute("data-request")).ToList();
        Assert.Equal([late.Id.ToString()], shown);
        Assert.NotNull(page.QuerySelector($"[data-request='{late.Id}'] [data-testid=overdue]"));

        var response = await officer.GetAsync(page.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("開示等の請求等_", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var csv = ParseCsv(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal("受付番号", csv[0][0]);
        Assert.Equal([late.Reference], csv.Skip(1).Select(r => r[0]).ToList());
        Assert.Contains("期限超過", csv[1]);
        Assert.DoesNotContain(csv, r => r[0] == onTime.Reference || r[0] == other.Reference);

        var xlsx = await officer.GetAsync(page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);

        // In English, the file is named in English.
        var reader = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor], department.Id, language: "en"));
        var named = await reader.GetAsync($"/Requests?handler=Export&format=csv&Kind=CeaseUse&State=overdue&Department={department.Id}");
        Assert.StartsWith("Data subjects' requests_", named.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrent_edit_is_refused_with_the_conflict_and_the_current_values()
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var request = await SeedAsync(department.Id);
        var url = $"/Requests/Edit/{request.Id}";
        var mine = await officer.GetPageAsync(url);
        var theirs = await officer.GetPageAsync(url);

        Assert.Equal($"/Requests/Details/{request.Id}", (await officer.SubmitFormAsync(theirs, new() { ["Input.Summary"] = "先に保存した概要" })).RedirectPath());
        var conflict = await officer.SubmitFormAsync(mine, new() { ["Input.Summary"] = "後から保存した概要" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await HttpForms.ParseAsync(conflict);
        Assert.Contains("ほかの人がこのデータを変更しています", page.QuerySelector("[data-testid=form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("先に保存した概要", page.QuerySelector("#Input_Summary")!.TextContent);
        Assert.Equal("先に保存した概要", (await RequestAsync(request.Reference)).Summary);
    }

    [Fact]
    public async Task A_closed_requests_typo_is_still_corrected_on_the_edit_page_its_status_kept()
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var request = await SeedAsync(department.Id, status: DataSubjectRequestStatus.Answered);

        var saved = await officer.SubmitFormAsync($"/Requests/Edit/{request.Id}", new() { ["Input.Summary"] = "訂正後の概要" });

        Assert.Equal($"/Requests/Details/{request.Id}", saved.RedirectPath());
        var after = await RequestAsync(request.Reference);
        Assert.Equal(("訂正後の概要", DataSubjectRequestStatus.Answered), (after.Summary, after.Status));
    }

    [Theory]
    [InlineData("Input.Summary", "概要\0NUL", "制御文字")]
    [InlineData("Input.ReceivedOn", "2026-02-30", "")]
    [InlineData("Input.Reference", "", "受付番号を入力してください。")]
    [InlineData("Input.DueOn", "2000-01-01", "回答期限は受付日以後にしてください。")]
    [InlineData("Input.DueOn", "+60", "延長の理由を入力してください。")]
    [InlineData("Input.ReceivedOn", "+3", "今日より後の日付は入力できません。")]
    [InlineData("Input.ReceivedOn", "9999-12-31", "今日より後の日付は入力できません。")]
    [InlineData("Input.DueOn", "9999-12-31", "1年以内")]
    public async Task Bad_input_on_the_edit_page_gives_a_message_and_changes_nothing(string field, string value, string message)
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var request = await SeedAsync(department.Id);
        var before = await RequestAsync(request.Reference);
        value = value.StartsWith('+') ? Day(Today.AddDays(int.Parse(value[1..], CultureInfo.InvariantCulture))) : value;

        var response = await officer.SubmitFormAsync($"/Requests/Edit/{request.Id}", new() { [field] = value });
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        var after = await RequestAsync(request.Reference);
        Assert.Equal((before.Summary, before.ReceivedOn, before.DueOn, before.Reference, before.Version), (after.Summary, after.ReceivedOn, after.DueOn, after.Reference, after.Version));
    }

    [Fact]
    public async Task Too_long_text_on_a_step_is_refused_with_a_message_and_changes_nothing()
    {
        var department = await app.CreateDepartmentAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var request = await SeedAsync(department.Id);
        var url = $"/Requests/Details/{request.Id}";
        var response = await officer.SubmitFormAsync(await officer.GetPageAsync(url), new()
        {
            ["Identity.On"] = Day(Today),
            ["Identity.Method"] = new string('確', DataSubjectRequest.ShortLength + 1),
        }, "[data-testid=identity-form]");
        Assert.NotEmpty(await HttpForms.ErrorsAsync(response));
        var after = await RequestAsync(request.Reference);
        Assert.Null(after.IdentityVerifiedOn);
        Assert.Equal(DataSubjectRequestStatus.Received, after.Status);
    }

    [Fact]
    public async Task The_home_page_the_dashboard_and_the_workbook_show_the_requests_due_and_overdue_to_those_who_read_them()
    {
        var department = await app.CreateDepartmentAsync();
        var headUser = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var late = await SeedAsync(department.Id, DataSubjectRequestKind.StopThirdPartyProvision, receivedDaysAgo: 120, status: DataSubjectRequestStatus.InProgress, dueInDays: -100);
        var soon = await SeedAsync(department.Id, DataSubjectRequestKind.Disclosure, dueInDays: 2);
        await SeedAsync(department.Id, DataSubjectRequestKind.Disclosure, dueInDays: 30);

        // The head's own section and the officer's: the due and overdue requests, the overdue marked.
        var head = await app.SignInAsync(headUser);
        var card = (await head.GetPageAsync("/")).QuerySelector("[data-testid=home-department] [data-testid=card-requests]")!;
        Assert.Contains(late.Reference, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(soon.Reference, card.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/Requests/Details/{late.Id}", card.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Contains(late.Reference, (await officer.GetPageAsync("/")).QuerySelector("[data-testid=home-compliance] [data-testid=card-requests]")!.TextContent, StringComparison.Ordinal);

        // The head's dashboard: their department's figures.
        var dashboard = await head.GetPageAsync("/Dashboard");
        Assert.Equal("3", dashboard.QuerySelector("[data-testid=requests-open]")!.TextContent);
        Assert.Equal("1", dashboard.QuerySelector("[data-testid=requests-overdue]")!.TextContent);

        // The management-review workbook's sheet: counts per kind and status, and the overdue request by reference.
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var book = Reports.DashboardTests.Read(await management.GetByteArrayAsync($"/Dashboard?handler=Workbook&department={department.Id}"));
        var sheet = book["開示等の請求"];
        var disclosure = sheet.Single(r => r[0] as string == "開示(第三者提供記録を含む)");
        Assert.Equal([2.0, 0.0, 0.0, 0.0, 0.0, 2.0], disclosure[1..7].Select(c => Convert.ToDouble(c, CultureInfo.InvariantCulture)).ToList());
        Assert.Contains(sheet, r => r[0] as string == late.Reference && r[1] as string == "第三者提供の停止");
        Assert.DoesNotContain(sheet, r => r[0] as string == soon.Reference);

        // Administrators may open the dashboard but not the register: no panel for them.
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Null((await admin.GetPageAsync("/Dashboard")).QuerySelector("[data-testid=requests-summary]"));
    }
}
