using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Training;

/// <summary>Training sessions, attendance imported from CSV (all or nothing), pledges, and coverage per department.</summary>
public class TrainingTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid sessionId, string csv) =>
        UploadAsync(client, sessionId, Encoding.UTF8.GetBytes(csv), "attendance.csv");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid sessionId, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync($"/Training/Session/{sessionId}");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", fileName },
        };
        return await client.PostAsync($"/Training/Session/{sessionId}", form);
    }

    /// <summary>An .xlsx as a spreadsheet program saves it: a header row, then the rows given.</summary>
    private static async Task<byte[]> WorkbookAsync(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        await using (var writer = new XlsxWriter(stream))
        {
            var sheet = writer.AddSheet("受講記録", new SheetOptions { Columns = [new("email"), new("completed"), new("score")] });
            foreach (var row in rows)
            {
                await sheet.AddRowAsync(row);
            }

            await writer.CompleteAsync();
        }

        return stream.ToArray();
    }

    private async Task<Guid> CreateSessionAsync(HttpClient officer)
    {
        var created = await officer.SubmitFormAsync("/Training", new()
        {
            ["Input.Title"] = "情報セキュリティ研修 " + Guid.NewGuid().ToString("N")[..6],
            ["Input.HeldOn"] = "2026-10-01",
            ["Input.Mandatory"] = "true",
            ["Input.Material"] = "",
        }, "[data-testid=session-form]");
        return Guid.Parse(created.RedirectPath().Split('/')[^1]);
    }

    [Fact]
    public async Task Attendance_is_imported_all_or_nothing_and_coverage_shows_who_is_overdue()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var alice = await app.CreateUserAsync([], department.Id);
        var bob = await app.CreateUserAsync([], department.Id);
        var carol = await app.CreateUserAsync([], department.Id);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

        var created = await officer.SubmitFormAsync("/Training", new()
        {
            ["Input.Title"] = "個人情報保護研修 " + Guid.NewGuid().ToString("N")[..6],
            ["Input.HeldOn"] = today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Mandatory"] = "true",
            ["Input.Material"] = "社内研修資料 2026年版",
        }, "[data-testid=session-form]");
        var sessionId = Guid.Parse(created.RedirectPath().Split('/')[^1]);

        var bad = await UploadAsync(officer, sessionId,
            $"email,completed,score\n{alice.Email},はい,85\nnobody@example.invalid,yes,\n{bob.Email},maybe,120\n{alice.Email},no,\n");
        var page = await HttpForms.ParseAsync(bad);
        var lines = page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(r => r.GetAttribute("data-line")).ToList();
        Assert.Equal(["3", "4", "4", "5"], lines);
        Assert.Equal(0, await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.SessionId == sessionId)));

        var header = await UploadAsync(officer, sessionId, "mail,done\nx,y\n");
        Assert.Contains("email,completed,score", (await HttpForms.ParseAsync(header)).QuerySelector("[data-testid=import-errors]")!.TextContent);

        var good = await UploadAsync(officer, sessionId, $"\uFEFFemail,completed,score\r\n{alice.Email},はい,85\r\n\"{bob.Email}\",no,\r\n");
        Assert.Equal($"/Training/Session/{sessionId}", good.RedirectPath());
        var stored = await app.QueryAsync(db => db.TrainingAttendances.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Score).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, a => a.UserId == alice.Id && a.Completed && a.Score == 85);
        Assert.Contains(stored, a => a.UserId == bob.Id && !a.Completed && a.Score == null);

        // Alice signs a pledge; Bob did not complete; Carol did nothing.
        var pledged = await officer.SubmitFormAsync("/Training/Pledges", new()
        {
            ["Input.Person"] = "user:" + alice.Id,
            ["Input.SignedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "[data-testid=pledge-form]");
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        var missing = await officer.SubmitFormAsync("/Training/Pledges", new() { ["Input.Person"] = "user:" + Guid.NewGuid(), ["Input.SignedOn"] = "" }, "[data-testid=pledge-form]");
        Assert.Contains("従業者・利用者が見つかりません。一覧から選択してください。", await HttpForms.ErrorsAsync(missing));

        var coverage = await officer.GetPageAsync("/Training/Coverage");
        var row = coverage.QuerySelector($"[data-department='{department.Id}']")!;
        Assert.StartsWith("1 / 3", row.QuerySelector("[data-testid=trained]")!.TextContent.Trim());
        Assert.Equal("1 / 3", row.QuerySelector("[data-testid=pledged]")!.TextContent.Trim());
        var overdue = coverage.QuerySelectorAll("[data-testid=overdue-table] tbody tr").Select(r => r.GetAttribute("data-email")).ToList();
        Assert.DoesNotContain(alice.Email, overdue);
        Assert.Contains(bob.Email, overdue);
        Assert.Contains(carol.Email, overdue);
    }

    [Fact]
    public async Task A_department_head_sees_only_their_departments_coverage_and_not_the_records()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], own.Id));
        var coverage = await client.GetPageAsync("/Training/Coverage");
        Assert.NotNull(coverage.QuerySelector($"[data-department='{own.Id}']"));
        Assert.Null(coverage.QuerySelector($"[data-department='{other.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Training")).StatusCode);
    }

    [Fact]
    public async Task Attendance_is_imported_from_an_Excel_sheet_all_or_nothing_with_problems_by_row()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var alice = await app.CreateUserAsync([], department.Id);
        var bob = await app.CreateUserAsync([], department.Id);
        var sessionId = await CreateSessionAsync(officer);

        // Row 3: nobody by that address; row 4: a score over 100 and an unknown completion.
        var bad = await UploadAsync(officer, sessionId, await WorkbookAsync(
            [alice.Email, "はい", 90.0], ["nobody@example.invalid", "yes", null], [bob.Email, "たぶん", 120.0]), "attendance.xlsx");
        var page = await HttpForms.ParseAsync(bad);
        var lines = page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(r => r.GetAttribute("data-line")).ToList();
        Assert.Equal(["3", "4", "4"], lines);
        Assert.Equal(0, await app.QueryAsync(db => db.TrainingAttendances.CountAsync(a => a.SessionId == sessionId)));

        // Not a workbook at all, though named like one: one clear message, nothing saved.
        var notExcel = await UploadAsync(officer, sessionId, Encoding.UTF8.GetBytes("email,completed\n"), "attendance.xlsx");
        Assert.Contains("Excel", (await HttpForms.ParseAsync(notExcel)).QuerySelector("[data-testid=import-errors]")!.TextContent);

        var good = await UploadAsync(officer, sessionId, await WorkbookAsync([alice.Email, "はい", 90.0], [bob.Email!.ToUpperInvariant(), false, null]), "attendance.xlsx");
        Assert.Equal($"/Training/Session/{sessionId}", good.RedirectPath());
        var stored = await app.QueryAsync(db => db.TrainingAttendances.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, a => a.UserId == alice.Id && a.Completed && a.Score == 90);
        Assert.Contains(stored, a => a.UserId == bob.Id && !a.Completed && a.Score == null);
    }
}
