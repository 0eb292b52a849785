using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Ledger;

/// <summary>The personal-data ledger: entries per department, the annual review, and Excel export and import (all or nothing).</summary>
public class LedgerTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<LedgerEntry> SeedAsync(Guid departmentId, Action<LedgerEntry>? configure = null)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = Unique("顧客名簿"),
            Kind = "顧客情報",
            DataItems = "氏名、住所、電話番号",
            Purpose = "商品の発送",
            Medium = LedgerMedium.Cloud,
            Countries = ["JP", "US"],
            People = PeopleRange.UpTo5000,
            EncryptedAtRest = true,
            RetainedPersonalData = true,
            LastReviewedOn = new DateOnly(2026, 6, 1),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(entry);
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task<Contractor> ContractorAsync(Guid departmentId)
    {
        var contractor = new Contractor { Id = Guid.NewGuid(), Name = Unique("株式会社クラウド"), OwningDepartmentId = departmentId, Countries = ["US"], CreatedAt = DateTimeOffset.UtcNow };
        await using var db = app.Db();
        db.Contractors.Add(contractor);
        await db.SaveChangesAsync();
        return contractor;
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx)
    {
        var page = await client.GetPageAsync("/Ledger/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(xlsx), "Upload", "ledger.xlsx" },
        };
        return await client.PostAsync("/Ledger/Import", form);
    }

    /// <summary>A workbook with the given header and rows, as a person would prepare it in Excel.</summary>
    private static async Task<byte[]> WorkbookAsync(string[] header, params object?[][] rows)
    {
        using var output = new MemoryStream();
        await using (var book = new XlsxWriter(output))
        {
            var sheet = book.AddSheet("台帳", new SheetOptions { Columns = header.Select(h => new XlsxColumn(h)).ToList() });
            foreach (var row in rows)
            {
                await sheet.AddRowAsync(row);
            }

            await book.CompleteAsync();
        }

        return output.ToArray();
    }

    private static readonly string[] Header =
        ["部門コード", "データの名称", "媒体", "取扱国・保管国", "本人の数", "要配慮個人情報", "委託先", "最終見直し日", "利用目的"];

    [Fact]
    public async Task A_compliance_officer_adds_an_entry_with_countries_and_a_contractor_and_sees_its_review_overdue()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var contractor = await ContractorAsync(department.Id);
        var name = Unique("従業員名簿");

        var created = await officer.SubmitFormAsync("/Ledger/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.DepartmentId"] = department.Id.ToString(),
            ["Input.Medium"] = "Cloud",
            ["Input.People"] = "UpTo1000",
            ["Input.Countries"] = new[] { "JP", "SG" },
            ["Input.ContractorIds"] = new[] { contractor.Id.ToString() },
            ["Input.SpecialCareData"] = "true",
            ["Input.DataItems"] = "氏名、健康診断結果",
        });
        Assert.Equal("/Ledger", created.RedirectPath());
        var stored = await app.QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Name == name));
        Assert.Equal(["JP", "SG"], stored.Countries);
        Assert.Equal([contractor.Id], stored.ContractorIds);
        Assert.True(stored.SpecialCareData);
        // The register says so once (the layout shows the message; the page used to show it again).
        var told = (await officer.FollowAsync(created)).QuerySelectorAll("[role=status].alert-success");
        Assert.Contains(name, Assert.Single(told).TextContent);

        var list = await officer.GetPageAsync("/Ledger?OverdueOnly=true");
        Assert.NotNull(list.QuerySelector($"[data-entry='{stored.Id}'] [data-testid=review-overdue]"));

        var bad = await officer.SubmitFormAsync("/Ledger/Create", new()
        {
            ["Input.Name"] = "",
            ["Input.DepartmentId"] = department.Id.ToString(),
            ["Input.Countries"] = new[] { "XX" },
            ["Input.ContractorIds"] = new[] { Guid.NewGuid().ToString() },
        });
        var errors = await HttpForms.ErrorsAsync(bad);
        Assert.Contains(errors, e => e.Contains("XX"));
        Assert.Contains("委託先が見つかりません。一覧から選択してください。", errors);
    }

    [Fact]
    public async Task A_department_head_sees_and_edits_only_their_own_departments_entries()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], own.Id);
        var client = await app.SignInAsync(head);
        var mine = await SeedAsync(own.Id);
        var theirs = await SeedAsync(other.Id);

        var list = await client.GetPageAsync("/Ledger");
        Assert.NotNull(list.QuerySelector($"[data-entry='{mine.Id}']"));
        Assert.Null(list.QuerySelector($"[data-entry='{theirs.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Ledger/Edit/{theirs.Id}")).StatusCode);
        var page = await client.GetPageAsync($"/Ledger/Edit/{mine.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitFormAsync(page, new() { ["Input.Name"] = "x" }, action: $"/Ledger/Edit/{theirs.Id}")).StatusCode);

        var moved = await client.SubmitFormAsync($"/Ledger/Edit/{mine.Id}", new() { ["Input.DepartmentId"] = other.Id.ToString() });
        Assert.Contains("所属部門の台帳のみ登録・変更できます。", await HttpForms.ErrorsAsync(moved));
        var saved = await client.SubmitFormAsync($"/Ledger/Edit/{mine.Id}", new() { ["Input.Purpose"] = "請求書の送付" });
        if (saved.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail(string.Join(" | ", await HttpForms.ErrorsAsync(saved)));
        }

        Assert.Equal("/Ledger", saved.RedirectPath());
        Assert.Equal("請求書の送付", (await app.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Id == mine.Id))).Purpose);

        // A stale form is refused.
        var stale = await client.SubmitFormAsync(page, new() { ["Input.Purpose"] = "古い画面から" });
        Assert.Contains(await HttpForms.ErrorsAsync(stale), e => e.StartsWith("保存できませんでした。", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_then_import_round_trips_every_field()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var contractor = await ContractorAsync(department.Id);
        var first = await SeedAsync(department.Id, e =>
        {
            e.ContractorIds = [contractor.Id];
            e.SpecialCareData = true;
            e.Subcontractors = "株式会社下請\n(データ入力)";
            e.RetentionPeriod = "退職後5年";
        });
        var second = await SeedAsync(department.Id, e =>
        {
            e.Medium = LedgerMedium.Paper;
            e.Countries = ["JP"];
            e.LastReviewedOn = null;
        });

        var export = await officer.GetAsync("/Ledger?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        var before = await app.QueryAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.DepartmentId == department.Id).OrderBy(e => e.Id).ToListAsync());

        var imported = await ImportAsync(officer, xlsx);
        Assert.Equal("/Ledger", imported.RedirectPath());
        var after = await app.QueryAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.DepartmentId == department.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, after.Count);
        foreach (var (b, a) in before.Zip(after))
        {
            a.Version = b.Version;
            Assert.Equivalent(b, a, strict: true);
        }

        Assert.Contains(after, e => e.Id == first.Id && e.ContractorIds.SequenceEqual([contractor.Id]));
        Assert.Contains(after, e => e.Id == second.Id && e.LastReviewedOn == null);
    }

    [Fact]
    public async Task A_file_with_errors_imports_nothing_and_lists_every_bad_cell_and_a_good_file_imports_every_row()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var good = Unique("会員名簿");
        var bad = await WorkbookAsync(Header,
            [department.Code, good, "クラウド", "JP, US", "1,001〜5,000人", "いいえ", "", "2026/04/01", "会員管理"],
            [department.Code, "", "紙", "JP", "100人以下", "はい", "", "", ""],
            ["NO-SUCH", Unique("名簿"), "フロッピー", "JP, ZZ", "たくさん", "たぶん", "存在しない委託先", "来年", ""]);

        var response = await ImportAsync(officer, bad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HttpForms.ParseAsync(response);
        var cells = page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(r => $"{r.GetAttribute("data-row")}:{r.GetAttribute("data-column")}").ToList();
        Assert.Equal(
            ["3:データの名称", "4:部門コード", "4:媒体", "4:本人の数", "4:要配慮個人情報", "4:取扱国・保管国", "4:委託先", "4:最終見直し日"],
            cells);
        Assert.False(await app.QueryAsync(db => db.LedgerEntries.AnyAsync(e => e.DepartmentId == department.Id)));

        var fixedFile = await WorkbookAsync(Header,
            [department.Code, good, "クラウド", "JP, US", "1,001〜5,000人", "いいえ", "", "2026/04/01", "会員管理"],
            [department.Code, Unique("申込書"), "Paper", "jp", "Up to 100", "Yes", "", new DateOnly(2026, 5, 1), ""]);
        var imported = await ImportAsync(officer, fixedFile);
        Assert.Equal("/Ledger", imported.RedirectPath());
        var stored = await app.QueryAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.DepartmentId == department.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        stored = [.. stored.OrderBy(e => e.Medium == LedgerMedium.Paper ? 0 : 1)];
        Assert.Equal(LedgerMedium.Paper, stored[0].Medium);
        Assert.True(stored[0].SpecialCareData);
        Assert.Equal(new DateOnly(2026, 5, 1), stored[0].LastReviewedOn);
        Assert.Equal(["JP", "US"], stored[1].Countries);
        Assert.Equal(PeopleRange.UpTo5000, stored[1].People);

        // Not an Excel file: a message, nothing saved.
        var garbage = await ImportAsync(officer, "not a workbook"u8.ToArray());
        Assert.Contains("Excel ファイル(.xlsx)として読み込めませんでした。", (await HttpForms.ParseAsync(garbage)).QuerySelector("[data-testid=import-errors]")!.TextContent);
    }

    [Fact]
    public async Task A_department_head_cannot_import_into_another_department()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], own.Id));
        var file = await WorkbookAsync(Header, [other.Code, Unique("名簿"), "紙", "JP", "100人以下", "いいえ", "", "", ""]);
        var page = await HttpForms.ParseAsync(await ImportAsync(client, file));
        Assert.NotNull(page.QuerySelector("[data-testid=import-errors] tr[data-row='2'][data-column='部門コード']"));
        Assert.False(await app.QueryAsync(db => db.LedgerEntries.AnyAsync(e => e.DepartmentId == other.Id)));
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("shared strings")]
    [InlineData("malformed")]
    public async Task A_hostile_workbook_gets_a_message_and_changes_nothing(string kind)
    {
        var department = await app.CreateDepartmentAsync();
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], department.Id));
        var file = kind switch
        {
            "wide" => Controls.Tests.Excel.XlsxBombs.WideColumns(),
            "shared strings" => Controls.Tests.Excel.XlsxBombs.RepetitiveSharedStrings(),
            _ => Controls.Tests.Excel.XlsxBombs.MalformedSheet(),
        };
        var before = await app.QueryAsync(db => db.LedgerEntries.CountAsync());
        var response = await ImportAsync(client, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await HttpForms.ParseAsync(response)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains(kind switch
        {
            "wide" => "",   // read, 64 columns at most: a header without the ledger's columns is the problem listed
            "shared strings" => "展開後の大きさが上限（64 MB）を超えるか、異常に高い圧縮率のため、このファイルは読み込めません。",
            _ => "Excel ファイル(.xlsx)として読み込めませんでした。",
        }, errors);
        Assert.False(string.IsNullOrWhiteSpace(errors));
        Assert.Equal(before, await app.QueryAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task While_the_import_slots_are_taken_another_import_is_asked_to_wait()
    {
        var officer = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer], (await app.CreateDepartmentAsync()).Id));
        var gate = app.Services.GetRequiredService<ImportGate>();
        var held = new List<IDisposable>();
        try
        {
            while (await gate.TryEnterAsync() is { } slot)
            {
                held.Add(slot);
            }

            var busy = await ImportAsync(officer, Controls.Tests.Excel.XlsxBombs.Ordinary(["x"], ["y"]));
            Assert.Contains("ほかの取込みを処理中です。1分ほど待ってから、もう一度お試しください。",
                (await HttpForms.ParseAsync(busy)).QuerySelector("[data-testid=import-errors]")!.TextContent);
        }
        finally
        {
            held.ForEach(slot => slot.Dispose());
        }

        var free = await ImportAsync(officer, Controls.Tests.Excel.XlsxBombs.Ordinary(["x"], ["y"]));
        Assert.DoesNotContain("ほかの取込みを処理中です", (await HttpForms.ParseAsync(free)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
