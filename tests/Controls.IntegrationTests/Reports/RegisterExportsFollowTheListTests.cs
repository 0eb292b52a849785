using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Reports.ExportsFollowTheListTests;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// The pledge list, the staff roster, the departments and the mail outbox, each filtered so that it
/// shows fewer rows than exist and exported through its own CSV and Excel links: the files hold
/// exactly the rows the page shows (the outbox's every message, not only the 200 it shows), under
/// headers in the reader's language; a role that may not open the list may not export it.
/// </summary>
public class RegisterExportsFollowTheListTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    private static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>The CSV's header row, read from the page's own export link.</summary>
    private static async Task<(string[] Header, string FileName)> CsvHeaderAsync(HttpClient client, IDocument page)
    {
        var response = await client.GetAsync(page.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (ParseCsv(Encoding.UTF8.GetString(bytes[3..]))[0], response.Content.Headers.ContentDisposition!.FileNameStar!);
    }

    private async Task<StaffMember> MemberAsync(Guid departmentId, string name, DateOnly joinedOn, DateOnly? leftOn = null)
    {
        var number = Unique("E");
        var member = new StaffMember
        {
            Id = Guid.NewGuid(),
            EmployeeNumber = number,
            Name = name,
            Email = $"{number.ToLowerInvariant()}@example.jp",
            NormalizedEmail = $"{number.ToUpperInvariant()}@EXAMPLE.JP",
            DepartmentId = departmentId,
            JoinedOn = joinedOn,
            LeftOn = leftOn,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    private async Task PledgeAsync(Guid? staffMemberId, Guid? userId, DateOnly signedOn)
    {
        await using var db = app.Db();
        db.ConfidentialityPledges.Add(new ConfidentialityPledge { Id = Guid.NewGuid(), StaffMemberId = staffMemberId, UserId = userId, SignedOn = signedOn, RecordedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Pledges_filtered_by_department_export_the_rows_shown_with_japanese_headers_and_others_may_not_export_them()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var first = await MemberAsync(department.Id, "山田 花子", new DateOnly(2020, 4, 1));
        var second = await MemberAsync(department.Id, "佐藤 一郎", new DateOnly(2021, 4, 1));
        var elsewhere = await MemberAsync(other.Id, "他部門 太郎", new DateOnly(2021, 4, 1));
        var offRoster = await app.CreateUserAsync([], department.Id);
        await PledgeAsync(first.Id, null, new DateOnly(2026, 4, 1));
        await PledgeAsync(second.Id, null, new DateOnly(2026, 5, 10));
        await PledgeAsync(elsewhere.Id, null, new DateOnly(2026, 5, 10));
        await PledgeAsync(null, offRoster.Id, new DateOnly(2026, 6, 1));

        var all = await officer.GetPageAsync("/Training/Pledges");
        var page = await officer.GetPageAsync($"/Training/Pledges?Department={department.Id}");
        var shown = Shown(page, "[data-testid=pledges-table] tbody tr");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=pledges-table] tbody tr").Length);
        // Newest first: the app user off the roster (no employee number), then the two members.
        Assert.Equal(["", second.EmployeeNumber, first.EmployeeNumber], shown.Select(r => r[0]));
        Assert.All(shown, r => Assert.Equal($"{department.Code} {department.NameJa}", r[3]));

        var (csv, xlsx) = await ExportAsync(officer, page, "社員番号");
        Assert.Equal(shown, csv);
        Assert.Equal(shown.Select(r => r[1]), xlsx.Select(r => (string)r[1]!));
        Assert.Equal(new DateTime(2026, 6, 1), xlsx[0][4]);
        var (header, fileName) = await CsvHeaderAsync(officer, page);
        Assert.Equal(["社員番号", "氏名", "メールアドレス", "所属部門", "提出日"], header);
        Assert.Matches(@"^誓約書_\d{4}-\d{2}-\d{2}\.csv$", fileName);

        // In English, the same file with English headers and name.
        var english = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id, language: "en"));
        var (enHeader, enFileName) = await CsvHeaderAsync(english, await english.GetPageAsync($"/Training/Pledges?Department={department.Id}"));
        Assert.Equal(["Employee number", "Person", "E-mail", "Department", "Signed on"], enHeader);
        Assert.Matches(@"^Confidentiality pledges_\d{4}-\d{2}-\d{2}\.csv$", enFileName);

        var (_, _, head) = await DepartmentHeadAsync(department.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/Training/Pledges?handler=Export&format=csv&Department={department.Id}")).StatusCode);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Training/Pledges?handler=Export&format=xlsx")).StatusCode);
    }

    private async Task<(Department Department, AppUser Head, HttpClient Client)> DepartmentHeadAsync(Guid departmentId)
    {
        var head = await app.CreateUserAsync([Roles.DepartmentHead], departmentId);
        return (await app.QueryAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == departmentId)), head, await app.SignInAsync(head));
    }

    [Fact]
    public async Task The_roster_filtered_by_department_exports_the_rows_shown_in_the_import_columns_and_imports_back_unchanged()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var stays = await MemberAsync(department.Id, "山田 花子", new DateOnly(2020, 4, 1));
        var left = await MemberAsync(department.Id, "佐藤 一郎", new DateOnly(2019, 4, 1), new DateOnly(2025, 3, 31));
        await MemberAsync(other.Id, "他部門 太郎", new DateOnly(2021, 4, 1));

        var page = await officer.GetPageAsync($"/Training/Roster?department={department.Id}&leavers=true");
        var shown = Shown(page, "[data-testid=roster-table] tbody tr");
        var numbers = new[] { stays.EmployeeNumber, left.EmployeeNumber }.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(numbers, shown.Select(r => r[0]));
        var withoutLeavers = await officer.GetPageAsync($"/Training/Roster?department={department.Id}");
        Assert.Equal([stays.EmployeeNumber], Shown(withoutLeavers, "[data-testid=roster-table] tbody tr").Select(r => r[0]));

        var (csv, xlsx) = await ExportAsync(officer, page, "社員番号");
        Assert.Equal(numbers, csv.Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[2]), csv.Select(r => r[2]));
        Assert.All(csv, r => Assert.Equal(department.Code, r[3]));
        Assert.Equal(shown.Select(r => r[4]), csv.Select(r => r[4]));
        Assert.Equal(["", "2025/03/31"], csv.OrderBy(r => r[5], StringComparer.Ordinal).Select(r => r[5]));
        Assert.Equal(numbers, xlsx.Select(r => (string)r[0]!));
        var (header, fileName) = await CsvHeaderAsync(officer, page);
        Assert.Equal(["社員番号", "氏名", "メールアドレス", "部門コード", "入社日", "退職日"], header);
        Assert.Matches(@"^従業者名簿_\d{4}-\d{2}-\d{2}\.csv$", fileName);
        var (exportedOnly, _) = await ExportAsync(officer, withoutLeavers, "社員番号");
        Assert.Equal([stays.EmployeeNumber], exportedOnly.Select(r => r[0]));

        // The exported file, English headers included, imports back: as exported it changes nothing; with a
        // name corrected, that member is updated and nothing is added.
        var english = await app.SignInAsync(await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id, language: "en"));
        var englishPage = await english.GetPageAsync($"/Training/Roster?department={department.Id}&leavers=true");
        var englishCsv = await english.GetByteArrayAsync(englishPage.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!);
        Assert.StartsWith("Employee number,Name,E-mail address,Department code,Joined on,Left on\r\n", Encoding.UTF8.GetString(englishCsv[3..]));
        async Task<string> ImportAsync(byte[] file)
        {
            var importPage = await officer.GetPageAsync("/Training/RosterImport");
            var token = importPage.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(file), "Upload", "roster.csv" } };
            var response = await officer.PostAsync("/Training/RosterImport", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (await officer.FollowAsync(response)).QuerySelector("main")!.TextContent;
        }

        Assert.Contains("追加 0人、更新 0人", await ImportAsync(englishCsv));
        Assert.Contains("追加 0人、更新 1人", await ImportAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(englishCsv).Replace("山田 花子", "鈴木 花子"))));
        Assert.Equal("鈴木 花子", await app.QueryAsync(db => db.StaffMembers.Where(m => m.Id == stays.Id).Select(m => m.Name).SingleAsync()));
        Assert.Equal(2, await app.QueryAsync(db => db.StaffMembers.CountAsync(m => m.DepartmentId == department.Id)));
        Assert.Equal(new DateOnly(2025, 3, 31), await app.QueryAsync(db => db.StaffMembers.Where(m => m.Id == left.Id).Select(m => m.LeftOn).SingleAsync()));

        // A department head exports their own department's roster, and no other.
        var (_, _, head) = await DepartmentHeadAsync(department.Id);
        var headPage = await head.GetPageAsync("/Training/Roster");
        Assert.Equal([stays.EmployeeNumber], (await ExportAsync(head, headPage, "社員番号")).Csv.Select(r => r[0]));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Training/Roster?handler=Export&format=csv&department={other.Id}")).StatusCode);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Training/Roster?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task Departments_with_or_without_retired_ones_export_the_tree_shown_and_a_compliance_officer_may_not_export_it()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var top = await app.CreateDepartmentAsync();
        var below = await app.CreateDepartmentAsync(parentId: top.Id);
        var retired = await app.CreateDepartmentAsync(parentId: top.Id);
        await using (var db = app.Db())
        {
            await db.Departments.Where(d => d.Id == retired.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RetiredAt, DateTimeOffset.UtcNow));
        }

        var page = await admin.GetPageAsync("/Admin/Departments");
        var withRetired = await admin.GetPageAsync("/Admin/Departments?ShowRetired=true");
        var shown = Shown(page, "[data-testid=departments-table] tbody tr");
        var shownAll = Shown(withRetired, "[data-testid=departments-table] tbody tr");
        Assert.DoesNotContain(shown, r => r[0] == retired.Code);
        Assert.Contains(shownAll, r => r[0] == retired.Code);
        Assert.True(shown.Count < shownAll.Count);

        var (csv, xlsx) = await ExportAsync(admin, page, "部門コード");
        Assert.Equal(shown.Select(r => r[0]), csv.Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Select(r => r[2]));
        Assert.Equal(shown.Select(r => r[3]), csv.Select(r => r[4]));
        Assert.Equal(shown.Select(r => r[0]), xlsx.Select(r => (string)r[0]!));
        Assert.Equal(top.Code, csv.Single(r => r[0] == below.Code)[1]);
        Assert.Equal("有効", csv.Single(r => r[0] == below.Code)[5]);
        var (all, _) = await ExportAsync(admin, withRetired, "部門コード");
        Assert.Equal(shownAll.Select(r => r[0]), all.Select(r => r[0]));
        Assert.Equal("廃止", all.Single(r => r[0] == retired.Code)[5]);
        var (header, fileName) = await CsvHeaderAsync(admin, page);
        Assert.Equal(["部門コード", "上位部門", "名称", "部門責任者", "所属人数", "状態"], header);
        Assert.Matches(@"^部門_\d{4}-\d{2}-\d{2}\.csv$", fileName);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Admin/Departments?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_outbox_filtered_to_failing_mail_exports_every_failing_message_not_only_the_200_shown()
    {
        var marker = Unique("送信失敗-");
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        await using (var db = app.Db())
        {
            for (var i = 0; i < IndexShown + 5; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = $"person{i}@example.jp",
                    Subject = $"{marker} {i:D3}",
                    Body = "本文",
                    CreatedAt = start.AddMinutes(i),
                    Attempts = 2,
                    NextAttemptAt = start.AddHours(6),
                    LastError = "接続できません",
                });
            }

            db.OutboxMessages.Add(new OutboxMessage { To = "sent@example.jp", Subject = $"{marker} 送信済み", Body = "本文", CreatedAt = start, NextAttemptAt = start, SentAt = start.AddMinutes(1) });
            await db.SaveChangesAsync();
        }

        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Admin/Outbox?Status=failing");
        var shown = Shown(page, "[data-testid=outbox-table] tbody tr");
        Assert.Equal(IndexShown, shown.Count);
        Assert.DoesNotContain(shown, r => r[2] == $"{marker} 送信済み");

        var (csv, xlsx) = await ExportAsync(admin, page, "作成日時");
        var failing = await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Attempts > 0));
        Assert.Equal(failing, csv.Count);
        Assert.Equal(failing, xlsx.Count);
        Assert.Equal(shown.Select(r => r[0]), csv.Take(IndexShown).Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Take(IndexShown).Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[2]), csv.Take(IndexShown).Select(r => r[2]));
        Assert.Contains(csv, r => r[2] == $"{marker} 000");
        Assert.All(csv, r => Assert.Equal("再送待ち", r[3]));
        Assert.Equal("接続できません", csv.First(r => r[2].StartsWith(marker, StringComparison.Ordinal))[7]);
        var (header, fileName) = await CsvHeaderAsync(admin, page);
        Assert.Equal(["作成日時", "宛先", "件名", "状態", "送信日時", "試行回数", "次回の送信", "最後のエラー"], header);
        Assert.Matches(@"^メール送信状況_\d{4}-\d{2}-\d{2}\.csv$", fileName);

        var sent = await ExportAsync(admin, await admin.GetPageAsync("/Admin/Outbox?Status=sent"), "作成日時");
        var mine = sent.Csv.Single(r => r[2] == $"{marker} 送信済み");
        Assert.Equal("送信済み", mine[3]);
        Assert.NotEqual("", mine[4]);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Admin/Outbox?handler=Export&format=csv&Status=failing")).StatusCode);
    }

    private const int IndexShown = Controls.Web.Features.Admin.Outbox.IndexModel.Shown;
}
