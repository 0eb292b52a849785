using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Contractors;

public class ContractorTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tokyo).DateTime);

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private static Dictionary<string, object> NewContractor(string name, Guid departmentId) => new()
    {
        ["Input.Name"] = name,
        ["Input.OwningDepartmentId"] = departmentId.ToString(),
        ["Input.Services"] = "コールセンター業務",
        ["Input.EntrustedData"] = "顧客の氏名・電話番号・問い合わせ内容",
        ["Input.Countries"] = new[] { "JP", "VN" },
        ["Input.PrivacyMarkExpiresOn"] = "2028-03-31",
        ["Input.ContractStartsOn"] = "2026-04-01",
        ["Input.ContractEndsOn"] = "2029-03-31",
    };

    /// <summary>A contractor stored directly (for the pages that read it).</summary>
    private async Task<Contractor> SeedAsync(Guid departmentId, string? name = null, Action<Contractor>? configure = null)
    {
        var contractor = new Contractor
        {
            Id = Guid.NewGuid(),
            Name = name ?? Unique("株式会社テスト委託"),
            Services = "配送業務",
            EntrustedData = "顧客の氏名・住所",
            OwningDepartmentId = departmentId,
            Countries = ["JP"],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(contractor);
        await using var db = app.Db();
        db.Contractors.Add(contractor);
        await db.SaveChangesAsync();
        return contractor;
    }

    private Task<Contractor?> FindAsync(string name) =>
        app.QueryAsync(db => db.Contractors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name));

    [Fact]
    public async Task A_compliance_officer_registers_a_contractor_edits_it_and_terminates_it()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var name = Unique("株式会社ベトナムBPO");

        var created = await officer.SubmitFormAsync("/Contractors/Create", NewContractor(name, department.Id));
        var stored = await FindAsync(name);
        Assert.NotNull(stored);
        Assert.Equal($"/Contractors/Details/{stored.Id}", created.RedirectPath());
        Assert.Equal(["JP", "VN"], stored.Countries);
        Assert.Equal(department.Id, stored.OwningDepartmentId);
        Assert.Equal(ContractorStatus.Active, stored.Status);
        Assert.Equal(new DateOnly(2028, 3, 31), stored.PrivacyMarkExpiresOn);

        var details = await officer.FollowAsync(created);
        Assert.Equal("日本 (JP)、ベトナム (VN)", details.QuerySelector("[data-testid=countries]")!.TextContent);
        Assert.NotNull(details.QuerySelector("[data-testid=no-inspections]"));

        var edited = await officer.SubmitFormAsync($"/Contractors/Edit/{stored.Id}", new()
        {
            ["Input.Countries"] = "US, jp",
            ["Input.ReoutsourcingAllowed"] = "true",
            ["Input.Subcontractors"] = "株式会社データ入力(入力業務)",
            ["Input.HandlesSpecialCareData"] = "true",
        });
        Assert.Equal($"/Contractors/Details/{stored.Id}", edited.RedirectPath());
        stored = await FindAsync(name);
        Assert.Equal(["US", "JP"], stored!.Countries);
        Assert.True(stored.ReoutsourcingAllowed);
        Assert.True(stored.HandlesSpecialCareData);
        Assert.Equal("株式会社データ入力(入力業務)", stored.Subcontractors);
        Assert.Equal("コールセンター業務", stored.Services);
        Assert.Equal(new DateOnly(2028, 3, 31), stored.PrivacyMarkExpiresOn);
        Assert.Equal(new DateOnly(2026, 4, 1), stored.ContractStartsOn);

        // A contractor leaves the register by being terminated: it stays, out of the default list.
        var terminated = await officer.SubmitFormAsync($"/Contractors/Edit/{stored.Id}", new() { ["Input.Status"] = "Terminated" });
        Assert.Equal(HttpStatusCode.Redirect, terminated.StatusCode);
        Assert.Equal(ContractorStatus.Terminated, (await FindAsync(name))!.Status);
        Assert.DoesNotContain(name, (await officer.GetPageAsync("/Contractors")).QuerySelector("[data-testid=contractors-table]")!.TextContent);
        Assert.Contains(name, (await officer.GetPageAsync("/Contractors?Status=all")).QuerySelector("[data-testid=contractors-table]")!.TextContent);
        Assert.Contains(name, (await officer.GetPageAsync("/Contractors?Status=Terminated")).QuerySelector("[data-testid=contractors-table]")!.TextContent);
    }

    [Fact]
    public async Task A_department_head_registers_a_contractor_for_their_own_department_and_no_other()
    {
        var (head, user) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var other = await app.CreateDepartmentAsync();

        var form = await head.GetPageAsync("/Contractors/Create");
        var choices = form.QuerySelectorAll("select[name='Input.OwningDepartmentId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([user.DepartmentId.ToString()], choices);

        var name = Unique("株式会社自部門委託");
        var created = await head.SubmitFormAsync(form, NewContractor(name, user.DepartmentId!.Value));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(user.DepartmentId, (await FindAsync(name))!.OwningDepartmentId);

        var refused = Unique("株式会社他部門委託");
        var response = await head.SubmitFormAsync("/Contractors/Create", NewContractor(refused, other.Id));
        Assert.Contains("ご自身の部門以外を管理部門にすることはできません。", await HttpForms.ErrorsAsync(response));
        Assert.Null(await FindAsync(refused));

        // Nor can an own contractor be handed over to another department.
        var own = (await FindAsync(name))!;
        var moved = await head.SubmitFormAsync($"/Contractors/Edit/{own.Id}", new() { ["Input.OwningDepartmentId"] = other.Id.ToString() });
        Assert.Contains("ご自身の部門以外を管理部門にすることはできません。", await HttpForms.ErrorsAsync(moved));
        Assert.Equal(user.DepartmentId, (await FindAsync(name))!.OwningDepartmentId);
    }

    [Fact]
    public async Task A_department_head_neither_sees_nor_changes_another_departments_contractor()
    {
        var (head, user) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var mine = await SeedAsync(user.DepartmentId!.Value);
        var theirs = await SeedAsync((await app.CreateDepartmentAsync()).Id);

        var list = (await head.GetPageAsync("/Contractors")).QuerySelector("[data-testid=contractors-table]")!.TextContent;
        Assert.Contains(mine.Name, list);
        Assert.DoesNotContain(theirs.Name, list);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Contractors/Details/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Contractors/Edit/{theirs.Id}")).StatusCode);

        // Posting to it (with a valid form of their own) is a 404 too, and changes nothing.
        var ownForm = await head.GetPageAsync($"/Contractors/Edit/{mine.Id}");
        var post = await head.SubmitFormAsync(ownForm, new() { ["Input.Name"] = "乗っ取り" }, action: $"/Contractors/Edit/{theirs.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(theirs.Name, (await app.QueryAsync(db => db.Contractors.SingleAsync(c => c.Id == theirs.Id))).Name);
    }

    [Fact]
    public async Task A_delegate_sees_their_departments_contractors_and_a_user_without_a_role_sees_none()
    {
        var department = await app.CreateDepartmentAsync();
        var mine = await SeedAsync(department.Id);
        var theirs = await SeedAsync((await app.CreateDepartmentAsync()).Id);
        var delegateUser = await app.CreateUserAsync([], department.Id);
        await using (var db = app.Db())
        {
            db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = department.Id, UserId = delegateUser.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync(delegateUser);
        var list = (await client.GetPageAsync("/Contractors")).QuerySelector("[data-testid=contractors-table]")!.TextContent;
        Assert.Contains(mine.Name, list);
        Assert.DoesNotContain(theirs.Name, list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contractors/Details/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Contractors/Edit/{mine.Id}")).StatusCode);

        var stranger = await app.SignInAsync(await app.CreateUserAsync([], department.Id));
        Assert.Empty((await stranger.GetPageAsync("/Contractors")).QuerySelectorAll("[data-testid=contractors-table] tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Contractors/Details/{mine.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_auditor_reads_every_contractor_but_cannot_change_one()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var contractor = await SeedAsync((await app.CreateDepartmentAsync()).Id);

        Assert.Contains(contractor.Name, (await auditor.GetPageAsync("/Contractors")).QuerySelector("[data-testid=contractors-table]")!.TextContent);
        var details = await auditor.GetPageAsync($"/Contractors/Details/{contractor.Id}");
        Assert.Contains(contractor.Name, details.QuerySelector("[data-testid=contractor-name]")!.TextContent);
        Assert.Null(details.QuerySelector($"a[href='/Contractors/Edit/{contractor.Id}']"));
        Assert.Null((await auditor.GetPageAsync("/Contractors")).QuerySelector("a[href='/Contractors/Create']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Contractors/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/Contractors/Edit/{contractor.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("Input.Name", "", "委託先名を入力してください。")]
    [InlineData("Input.Countries", "XX", "国・地域コード「XX」は選択肢にありません。一覧から選択してください。")]
    [InlineData("Input.Countries", "", "個人データを取り扱う国・地域を1つ以上選択してください。")]
    [InlineData("Input.ContractEndsOn", "2026-03-31", "契約終了日は契約開始日以降の日付にしてください。")]
    [InlineData("Input.ContractStartsOn", "2026-02-30", "契約開始日に入力された「2026-02-30」は正しくありません。")]
    [InlineData("Input.ReoutsourcingAllowed", "true", "再委託を認める場合は、再委託先を入力してください。")]
    [InlineData("Input.Services", "3000", "委託業務の内容は2000文字以内で入力してください。")]
    [InlineData("Input.Name", "201", "委託先名は200文字以内で入力してください。")]
    [InlineData("Input.OwningDepartmentId", "", "管理部門を選択してください。")]
    [InlineData("Input.OwningDepartmentId", "retired", "選択された部門は存在しないか、廃止されています。")]
    public async Task Bad_input_is_explained_and_nothing_is_saved(string field, string value, string message)
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var name = Unique("株式会社入力確認");
        var input = NewContractor(name, department.Id);
        input[field] = value switch
        {
            "3000" => new string('あ', 3000),
            "201" => new string('名', 201),
            "retired" => (await RetiredDepartmentAsync()).ToString(),
            _ => value,
        };
        var before = await app.QueryAsync(db => db.Contractors.CountAsync());

        var response = await officer.SubmitFormAsync("/Contractors/Create", input);
        Assert.Contains(message, await HttpForms.ErrorsAsync(response));
        Assert.Equal(before, await app.QueryAsync(db => db.Contractors.CountAsync()));
    }

    [Fact]
    public async Task All_problems_of_a_form_are_shown_at_once()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var response = await officer.SubmitFormAsync("/Contractors/Create", new()
        {
            ["Input.Name"] = "",
            ["Input.Countries"] = "JP, XX",
            ["Input.ReoutsourcingAllowed"] = "true",
        });
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.Contains("委託先名を入力してください。", errors);
        Assert.Contains("国・地域コード「XX」は選択肢にありません。一覧から選択してください。", errors);
        Assert.Contains("再委託を認める場合は、再委託先を入力してください。", errors);
    }

    private async Task<Guid> RetiredDepartmentAsync()
    {
        var department = await app.CreateDepartmentAsync();
        await using var db = app.Db();
        var stored = await db.Departments.SingleAsync(d => d.Id == department.Id);
        stored.RetiredAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return department.Id;
    }

    [Fact]
    public async Task Bad_input_on_edit_changes_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var contractor = await SeedAsync((await app.CreateDepartmentAsync()).Id);

        var response = await officer.SubmitFormAsync($"/Contractors/Edit/{contractor.Id}", new()
        {
            ["Input.Name"] = "変更後の名前",
            ["Input.Countries"] = new[] { "JP", "XX" },
        });
        Assert.Contains("国・地域コード「XX」は選択肢にありません。一覧から選択してください。", await HttpForms.ErrorsAsync(response));
        var stored = await app.QueryAsync(db => db.Contractors.SingleAsync(c => c.Id == contractor.Id));
        Assert.Equal(contractor.Name, stored.Name);
        Assert.Equal(["JP"], stored.Countries);
    }

    [Fact]
    public async Task A_name_with_markup_is_stored_as_text_and_shown_escaped()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var name = $"<script>alert('{Guid.NewGuid():N}')</script>";
        var created = await officer.SubmitFormAsync("/Contractors/Create", NewContractor(name, (await app.CreateDepartmentAsync()).Id));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.NotNull(await FindAsync(name));

        var response = await officer.GetAsync(created.RedirectPath());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, html);
        Assert.Contains("&lt;script&gt;", html);
        var page = await officer.GetPageAsync(created.RedirectPath());
        Assert.Contains(name, page.QuerySelector("[data-testid=contractor-name]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_not_overwritten()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var contractor = await SeedAsync((await app.CreateDepartmentAsync()).Id);
        var page = await officer.GetPageAsync($"/Contractors/Edit/{contractor.Id}");

        // Someone else saves first.
        var (other, _) = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitFormAsync($"/Contractors/Edit/{contractor.Id}", new() { ["Input.Services"] = "先に保存した業務" })).StatusCode);

        var late = await officer.SubmitFormAsync(page, new() { ["Input.Services"] = "後から保存した業務" });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(late));
        Assert.Equal("先に保存した業務", (await app.QueryAsync(db => db.Contractors.SingleAsync(c => c.Id == contractor.Id))).Services);

        // The page now shows what is stored, and saving from it works.
        var shown = await HttpForms.ParseAsync(late);
        Assert.Equal("先に保存した業務", shown.QuerySelector("textarea[name='Input.Services']")!.TextContent.Trim());
        var again = await officer.SubmitFormAsync(shown, new() { ["Input.Services"] = "確認してから保存した業務" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("確認してから保存した業務", (await app.QueryAsync(db => db.Contractors.SingleAsync(c => c.Id == contractor.Id))).Services);
    }

    [Fact]
    public async Task The_list_filters_by_country_and_by_certificates_or_contracts_running_out()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var soon = await SeedAsync(department.Id, $"{tag} 期限間近", c => { c.Countries = ["JP", "VN"]; c.PrivacyMarkExpiresOn = Today.AddDays(30); });
        var expired = await SeedAsync(department.Id, $"{tag} 期限切れ", c => { c.Countries = ["US"]; c.IsmsExpiresOn = Today.AddDays(-10); c.PrivacyMarkExpiresOn = Today.AddYears(2); });
        var valid = await SeedAsync(department.Id, $"{tag} 有効", c => { c.PrivacyMarkExpiresOn = Today.AddYears(2); c.ContractEndsOn = Today.AddDays(60); });
        var none = await SeedAsync(department.Id, $"{tag} 認証なし");

        async Task<List<string>> Names(string query) =>
            (await officer.GetPageAsync($"/Contractors?Search={tag}&{query}"))
            .QuerySelectorAll("[data-testid=contractors-table] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

        Assert.Equal([soon.Name], await Names("Country=VN"));
        Assert.Equal([expired.Name], await Names("Country=US"));
        Assert.Equal([expired.Name, soon.Name], (await Names("CertificatesDue=true")).Order(StringComparer.Ordinal));
        Assert.Equal([valid.Name], await Names("ContractsEnding=true"));
        Assert.Equal(4, (await Names("")).Count);
        Assert.Contains(none.Name, await Names($"DepartmentId={department.Id}"));

        var page = await officer.GetPageAsync($"/Contractors?Search={tag}");
        Assert.Contains("expiry-soon", page.QuerySelector($"tr[data-contractor='{soon.Id}'] [data-expiry=soon]")!.ClassList);
        Assert.Contains("expiry-expired", page.QuerySelector($"tr[data-contractor='{expired.Id}'] [data-expiry=expired]")!.ClassList);
        Assert.Null(page.QuerySelector($"tr[data-contractor='{valid.Id}'] .expiry-expired, tr[data-contractor='{valid.Id}'] [data-expiry=soon]"));
        Assert.Equal("日本、ベトナム", page.QuerySelector($"tr[data-contractor='{soon.Id}'] [data-testid=countries]")!.TextContent);
    }

    [Fact]
    public async Task Country_names_follow_the_users_language()
    {
        var department = await app.CreateDepartmentAsync();
        var user = await app.CreateUserAsync([Roles.Management], department.Id, language: "en");
        var client = await app.SignInAsync(user);
        var contractor = await SeedAsync(department.Id, configure: c => c.Countries = ["JP", "VN", "IE"]);

        var details = await client.GetPageAsync($"/Contractors/Details/{contractor.Id}");
        Assert.Equal("Japan (JP), Vietnam (VN), Ireland (IE)", details.QuerySelector("[data-testid=countries]")!.TextContent);
    }

    [Fact]
    public async Task The_details_list_the_contractors_inspections()
    {
        var exit = await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")], new StringReader(""), new StringWriter(), new StringWriter());
        Assert.Equal(0, exit);
        var (head, user) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        var contractor = await SeedAsync(user.DepartmentId!.Value);
        await using (var db = app.Db())
        {
            db.Inspections.Add(new Inspection
            {
                Id = Guid.NewGuid(),
                CatalogVersionId = await db.CatalogVersions.Select(v => v.Id).FirstAsync(),
                DepartmentId = user.DepartmentId!.Value,
                ContractorId = contractor.Id,
                TargetKey = Inspection.ContractorTarget(contractor.Id),
                PeriodStart = new DateOnly(2026, 4, 1),
                PeriodEnd = new DateOnly(2027, 3, 31),
                DueOn = new DateOnly(2026, 4, 30),
                Status = InspectionStatus.Submitted,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var rows = (await head.GetPageAsync($"/Contractors/Details/{contractor.Id}")).QuerySelectorAll("[data-testid=contractor-inspections] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("2026/04/01 – 2027/03/31", row.TextContent);
        Assert.Contains("2026/04/30", row.TextContent);
        Assert.Contains("提出済み", row.TextContent);
    }
}
