using System.Globalization;
using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Training;

/// <summary>
/// The staff roster (従業者名簿): employees who never sign in are kept per department, imported from
/// CSV or Excel (all rows or none), and training attendance, pledges and coverage count them.
/// </summary>
public class StaffRosterTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private const string Header = "社員番号,氏名,メールアドレス,部門コード,入社日,退職日";

    private static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private static string Number() => "E" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", fileName },
        };
        return await client.PostAsync(url, form);
    }

    private static Task<HttpResponseMessage> ImportRosterAsync(HttpClient client, string csv) =>
        UploadAsync(client, "/Training/RosterImport", Encoding.UTF8.GetBytes(csv), "roster.csv");

    private static async Task<List<(string Line, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HttpForms.ParseAsync(response);
        return page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(r => (r.GetAttribute("data-line") ?? "", r.Children[1].TextContent.Trim())).ToList();
    }

    private async Task<Guid> CreateSessionAsync(HttpClient officer, DateOnly heldOn)
    {
        var created = await officer.SubmitFormAsync("/Training", new()
        {
            ["Input.Title"] = "個人情報保護研修 " + Guid.NewGuid().ToString("N")[..6],
            ["Input.HeldOn"] = heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Mandatory"] = "true",
            ["Input.Material"] = "",
        }, "[data-testid=session-form]");
        return Guid.Parse(created.RedirectPath().Split('/')[^1]);
    }

    [Fact]
    public async Task Employees_who_never_sign_in_are_imported_trained_pledged_and_counted_once_with_the_app_users()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var alice = await app.CreateUserAsync([], department.Id);   // signs in, and is on the roster (same e-mail)
        var bob = await app.CreateUserAsync([], department.Id);     // signs in, not on the roster
        var (hanako, ichiro, leaver) = (Number(), Number(), Number());

        // The officer imports the department's roster: two who never sign in, Alice, and one who has left.
        var imported = await ImportRosterAsync(officer, $"""
            {Header}
            {hanako},山田 花子,,{department.Code},2020/04/01,
            {ichiro},鈴木 一郎,ichiro-{ichiro}@example.jp,{department.Code},2024-10-01,
            {Number()},アリス,{alice.Email!.ToUpperInvariant()},{department.Code},2019/04/01,
            {leaver},退職 太郎,,{department.Code},2010/04/01,{Day(Today.AddMonths(-2))}
            """);
        var roster = await officer.FollowAsync(imported);
        Assert.Contains("名簿を取り込みました(追加 4人、更新 0人)。", roster.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(3, roster.QuerySelectorAll("[data-testid=roster-table] tbody tr[data-employee]").Length);   // the leaver is hidden
        var withLeavers = await officer.GetPageAsync($"/Training/Roster?department={department.Id}&leavers=true");
        Assert.NotNull(withLeavers.QuerySelector($"tr[data-employee='{leaver}']"));

        // Attendance by employee number (or e-mail address): staff001 no longer fails with "利用者が見つかりません".
        var session = await CreateSessionAsync(officer, Today.AddDays(-7));
        var refused = await UploadAsync(officer, $"/Training/Session/{session}",
            Encoding.UTF8.GetBytes($"社員番号,修了,得点\n{hanako},はい,90\n{leaver},はい,80\nstaff999@example.invalid,はい,\n"), "attendance.csv");
        var problems = await ProblemsAsync(refused);
        Assert.Equal(["3", "4"], problems.Select(p => p.Line));
        Assert.Contains("研修の実施日", problems[0].Message);
        Assert.Contains("従業者名簿に登録してください", problems[1].Message);
        Assert.Equal(0, await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.SessionId == session)));

        var recorded = await UploadAsync(officer, $"/Training/Session/{session}",
            Encoding.UTF8.GetBytes($"社員番号,修了,得点\n{hanako},はい,90\nichiro-{ichiro}@example.jp,いいえ,\n{alice.Email},はい,75\n"), "attendance.csv");
        var sessionPage = await officer.FollowAsync(recorded);
        Assert.NotNull(sessionPage.QuerySelector($"[data-testid=attendance-table] tr[data-employee='{hanako}']"));
        Assert.Equal(3, await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.SessionId == session && a.StaffMemberId != null)));

        // Hanako signs a pledge (chosen from the roster); Bob (an app user off the roster) too.
        var hanakoId = await app.QueryAsync(db => db.StaffMembers.Where(m => m.EmployeeNumber == hanako).Select(m => m.Id).SingleAsync());
        var pledges = await officer.GetPageAsync("/Training/Pledges");
        Assert.NotNull(pledges.QuerySelector($"select[name='Input.Person'] option[value='staff:{hanakoId}']"));
        Assert.Null(pledges.QuerySelector($"select[name='Input.Person'] option[value='user:{alice.Id}']"));   // Alice is on the roster: listed once
        foreach (var person in new[] { $"staff:{hanakoId}", $"user:{bob.Id}" })
        {
            var saved = await officer.SubmitFormAsync("/Training/Pledges", new() { ["Input.Person"] = person, ["Input.SignedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "[data-testid=pledge-form]");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // Coverage: Hanako, Ichiro, Alice (once) and Bob are in service; the leaver is not counted.
        var coverage = await officer.GetPageAsync("/Training/Coverage");
        var row = coverage.QuerySelector($"[data-department='{department.Id}']")!;
        Assert.StartsWith("2 / 4", row.QuerySelector("[data-testid=trained]")!.TextContent.Trim());
        Assert.Equal("2 / 4", row.QuerySelector("[data-testid=pledged]")!.TextContent.Trim());
        var overdue = coverage.QuerySelectorAll("[data-testid=overdue-table] tbody tr").Select(r => r.GetAttribute("data-employee")).ToList();
        Assert.Contains(ichiro, overdue);
        Assert.DoesNotContain(hanako, overdue);
        Assert.DoesNotContain(leaver, overdue);
    }

    [Fact]
    public async Task A_join_and_a_leave_are_recorded_on_the_member_page_and_the_leaver_keeps_their_history()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var number = Number();
        var joined = await officer.SubmitFormAsync("/Training/RosterMember", new()
        {
            ["Input.EmployeeNumber"] = number,
            ["Input.Name"] = "新入 社員",
            ["Input.Email"] = "",
            ["Input.DepartmentId"] = department.Id.ToString(),
            ["Input.JoinedOn"] = Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "[data-testid=member-form]");
        Assert.StartsWith("/Training/Roster", joined.RedirectPath());
        var member = await app.QueryAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(m => m.EmployeeNumber == number));

        var session = await CreateSessionAsync(officer, Today.AddDays(-30));
        await UploadAsync(officer, $"/Training/Session/{session}", Encoding.UTF8.GetBytes($"社員番号,修了\n{number},はい\n"), "attendance.csv");
        async Task<string> Counted() => (await officer.GetPageAsync("/Training/Coverage")).QuerySelector($"[data-department='{department.Id}'] [data-testid=trained]")!.TextContent.Trim();
        Assert.StartsWith("1 / 1", await Counted());

        // Leaving before joining is refused; nothing changes.
        var edit = $"/Training/RosterMember/{member.Id}";
        var backwards = await officer.SubmitFormAsync(edit, new() { ["Input.LeftOn"] = Today.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "[data-testid=member-form]");
        Assert.Contains("退職日が入社日より前です。", await HttpForms.ErrorsAsync(backwards));
        Assert.Null(await app.QueryAsync(db => db.StaffMembers.Where(m => m.Id == member.Id).Select(m => m.LeftOn).SingleAsync()));

        // They left yesterday: not counted any more, their attendance stays.
        var left = await officer.SubmitFormAsync(edit, new() { ["Input.LeftOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "[data-testid=member-form]");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.StartsWith("0 / 0", await Counted());
        Assert.Equal(1, await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.StaffMemberId == member.Id)));
        Assert.Null((await officer.GetPageAsync($"/Training/Roster?department={department.Id}")).QuerySelector($"tr[data-employee='{number}']"));
    }

    public static TheoryData<string, string, string> BadRosters => new()
    {
        { "NUL", "{N1},山田\0花子,,{D},2020/04/01,", "使用できない文字(制御文字)が含まれています。" },
        { "wrong date", "{N1},山田 花子,,{D},2020/13/45,", "入社日「2020/13/45」は 2026/04/01 の形の日付で入力してください。" },
        { "no joining date", "{N1},山田 花子,,{D},,", "入社日「」は 2026/04/01 の形の日付で入力してください。" },
        { "left before joined", "{N1},山田 花子,,{D},2020/04/01,2019/03/31", "退職日が入社日より前です。" },
        { "unknown department", "{N1},山田 花子,,NO-SUCH,2020/04/01,", "部門コード「NO-SUCH」の部門がありません。" },
        { "bad e-mail address", "{N1},山田 花子,hanako@,{D},2020/04/01,", "メールアドレス「hanako@」の形式が正しくありません。" },
    };

    [Theory]
    [MemberData(nameof(BadRosters))]
    public async Task A_wrong_line_is_named_with_its_number_and_nothing_is_imported(string why, string line, string message)
    {
        Assert.NotEmpty(why);
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var good = Number();
        var csv = $"{Header}\n{good},正しい 行,,{department.Code},2020/04/01,\n" + line.Replace("{N1}", Number()).Replace("{D}", department.Code) + "\n";
        var before = await app.QueryAsync(db => db.StaffMembers.CountAsync());

        var problems = await ProblemsAsync(await ImportRosterAsync(officer, csv));

        Assert.Equal([("3", message)], problems);
        Assert.Equal(before, await app.QueryAsync(db => db.StaffMembers.CountAsync()));
    }

    [Fact]
    public async Task Duplicate_employee_numbers_wrong_headers_huge_files_and_bombs_are_refused_and_change_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var number = Number();
        var before = await app.QueryAsync(db => db.StaffMembers.CountAsync());

        var duplicate = await ProblemsAsync(await ImportRosterAsync(officer,
            $"{Header}\n{number},一人目,,{department.Code},2020/04/01,\n{number},二人目,,{department.Code},2021/04/01,\n"));
        Assert.Equal([("3", $"社員番号「{number}」が2行目と重複しています。")], duplicate);

        var header = await ProblemsAsync(await ImportRosterAsync(officer, "番号,名前\nx,y\n"));
        Assert.Equal([("1", "1行目は 社員番号,氏名,メールアドレス,部門コード,入社日,退職日 としてください。")], header);

        var huge = await UploadAsync(officer, "/Training/RosterImport", new byte[2 * 1024 * 1024 + 1], "roster.csv");
        Assert.Contains("ファイルは2MB以下にしてください。", await HttpForms.ErrorsAsync(huge));

        var notUtf8 = await UploadAsync(officer, "/Training/RosterImport", [0x82, 0xA0, 0xFF, 0xFE], "roster.csv");
        Assert.Contains("UTF-8 のテキストとして読めませんでした。UTF-8 で保存し直してください。", await HttpForms.ErrorsAsync(notUtf8));

        var bomb = await ProblemsAsync(await UploadAsync(officer, "/Training/RosterImport", Controls.Tests.Excel.XlsxBombs.RepetitiveSharedStrings(), "roster.xlsx"));
        Assert.Contains("展開後の大きさが上限", bomb.Single().Message);

        Assert.Equal(before, await app.QueryAsync(db => db.StaffMembers.CountAsync()));
    }

    [Fact]
    public async Task The_roster_is_imported_from_an_Excel_sheet_and_a_second_import_updates_by_employee_number()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var number = Number();

        async Task<byte[]> WorkbookAsync(params object?[] row)
        {
            using var stream = new MemoryStream();
            await using (var writer = new XlsxWriter(stream))
            {
                var sheet = writer.AddSheet("従業者名簿", new SheetOptions { Columns = [.. Header.Split(',').Select(h => new XlsxColumn(h))] });
                await sheet.AddRowAsync(row);
                await writer.CompleteAsync();
            }

            return stream.ToArray();
        }

        var first = await UploadAsync(officer, "/Training/RosterImport", await WorkbookAsync(number, "山田 花子", "", department.Code, new DateOnly(2020, 4, 1), null), "roster.xlsx");
        Assert.Equal("/Training/Roster", first.RedirectPath());
        var second = await UploadAsync(officer, "/Training/RosterImport",
            await WorkbookAsync(number, "山田 花子", "", department.Code, new DateOnly(2020, 4, 1), Today.AddDays(-1)), "roster.xlsx");
        Assert.Contains("名簿を取り込みました(追加 0人、更新 1人)。", (await officer.FollowAsync(second)).QuerySelector("[role=status]")!.TextContent);
        var member = await app.QueryAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(m => m.EmployeeNumber == number));
        Assert.Equal(new DateOnly(2020, 4, 1), member.JoinedOn);
        Assert.Equal(Today.AddDays(-1), member.LeftOn);
    }

    [Fact]
    public async Task A_department_head_reads_their_own_departments_roster_and_can_neither_change_it_nor_see_another()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var (ownNumber, otherNumber) = (Number(), Number());
        await app.QueryAsync(async db =>
        {
            db.StaffMembers.AddRange(
                new StaffMember { Id = Guid.NewGuid(), EmployeeNumber = ownNumber, Name = "自部門 社員", DepartmentId = own.Id, JoinedOn = new DateOnly(2020, 4, 1) },
                new StaffMember { Id = Guid.NewGuid(), EmployeeNumber = otherNumber, Name = "他部門 社員", DepartmentId = other.Id, JoinedOn = new DateOnly(2020, 4, 1) });
            return await db.SaveChangesAsync();
        });
        var head = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], own.Id));

        var roster = await head.GetPageAsync("/Training/Roster");
        Assert.NotNull(roster.QuerySelector($"tr[data-employee='{ownNumber}']"));
        Assert.Null(roster.QuerySelector($"tr[data-employee='{otherNumber}']"));
        Assert.Null(roster.QuerySelector("[data-testid=add-member]"));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Training/Roster?department={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Training/RosterMember")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Training/RosterImport")).StatusCode);
        var token = roster.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await head.PostAsync("/Training/RosterMember", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.EmployeeNumber", Number())]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}
