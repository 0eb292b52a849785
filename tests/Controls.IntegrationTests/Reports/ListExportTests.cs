using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>CSV and Excel exports of the list pages: exactly the rows the filters show, and only what the user may see.</summary>
public class ListExportTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private async Task<CorrectiveAction> ActionAsync(Guid departmentId, Guid ownerId, string text)
    {
        await using var db = app.Db();
        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.Inspection,
            DepartmentId = departmentId,
            Action = text,
            OwnerId = ownerId,
            DueOn = new DateOnly(2026, 1, 31),
            Status = CorrectiveActionStatus.Open,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = ownerId,
        };
        db.CorrectiveActions.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    [Fact]
    public async Task The_csv_export_starts_with_the_bom_and_quotes_commas_quotes_and_newlines()
    {
        var (department, head, client) = await app.DepartmentWithHeadAsync();
        await ActionAsync(department.Id, head.Id, "鍵を交換する, \"至急\"\n二行目");

        var response = await client.GetAsync("/Actions?handler=Export&format=csv&Show=all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"鍵を交換する, \"\"至急\"\"\n二行目\"", text);
        Assert.StartsWith("部門コード,", text);
    }

    [Fact]
    public async Task A_department_heads_export_holds_only_their_department_and_managements_holds_all()
    {
        var (mine, head, headClient) = await app.DepartmentWithHeadAsync();
        var (other, otherHead, _) = await app.DepartmentWithHeadAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await ActionAsync(mine.Id, head.Id, $"mine-{marker}");
        await ActionAsync(other.Id, otherHead.Id, $"other-{marker}");
        var ours = await app.CreateInspectionAsync(mine.Id);
        var theirs = await app.CreateInspectionAsync(other.Id);

        var headActions = await headClient.GetStringAsync("/Actions?handler=Export&format=csv&Show=all");
        Assert.Contains($"mine-{marker}", headActions);
        Assert.DoesNotContain($"other-{marker}", headActions);
        var headInspections = await headClient.GetStringAsync("/Inspections?handler=Export&format=csv&View=all");
        Assert.Contains(mine.Code, headInspections);
        Assert.DoesNotContain(other.Code, headInspections);

        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var allActions = await management.GetStringAsync("/Actions?handler=Export&format=csv&Show=all");
        Assert.Contains($"mine-{marker}", allActions);
        Assert.Contains($"other-{marker}", allActions);

        // The same filter as the list: one department.
        var filtered = DashboardTests.Read(await management.GetByteArrayAsync($"/Inspections?handler=Export&format=xlsx&View=all&Department={other.Id}"));
        var rows = DashboardTests.DataRows(filtered.Single().Value, "部門コード");
        Assert.Single(rows);
        Assert.Equal(other.Code, rows[0][0]);
        Assert.IsType<DateTime>(rows[0][6]);
        _ = (ours, theirs);
    }

    [Fact]
    public async Task Every_list_exports_csv_and_xlsx_and_a_bad_format_is_refused()
    {
        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        foreach (var list in new[] { "/Inspections", "/Reports/Answers", "/Audits/Findings", "/Actions", "/Audits", "/Contractors", "/Admin/Users", "/Admin/AuditTrail" })
        {
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var response = await admin.GetAsync($"{list}?handler=Export&format={format}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list} {format}: {response.StatusCode}");
                Assert.Contains($".{format}", response.Content.Headers.ContentDisposition!.ToString());
            }

            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{list}?handler=Export&format=pdf")).StatusCode);
        }

        var page = await admin.GetPageAsync("/Inspections");
        Assert.NotNull(page.QuerySelector("[data-testid=export-csv]"));
        var (manager, _) = await app.SignInAsNewAsync(Roles.Management);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Admin/Users?handler=Export&format=csv")).StatusCode);
    }
}
