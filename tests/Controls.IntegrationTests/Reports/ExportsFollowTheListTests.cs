using System.Net;
using System.Text;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// Each list filtered so that it shows fewer rows than exist, then exported through the page's own
/// CSV and Excel links: the files hold exactly the rows the page shows, in its order; a role that
/// may not open the list may not export it; a department head's file holds their department only.
/// </summary>
public class ExportsFollowTheListTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string Text(IElement element) => string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The cells of the page's rows, as a person reads them.</summary>
    public static List<string[]> Shown(IDocument page, string rowSelector) =>
        page.QuerySelectorAll(rowSelector).Select(tr => tr.QuerySelectorAll("td").Select(Text).ToArray()).ToList();

    /// <summary>Follows the page's own export links (they carry its filters) and reads both files: the CSV's and the workbook's data rows.</summary>
    public static async Task<(List<string[]> Csv, List<object?[]> Xlsx)> ExportAsync(HttpClient client, IDocument page, string firstHeader)
    {
        var csvLink = page.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!;
        var xlsxLink = page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")!;
        var csvResponse = await client.GetAsync(csvLink);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(firstHeader, csv[0][0]);
        var xlsxResponse = await client.GetAsync(xlsxLink);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var xlsx = DashboardTests.DataRows(DashboardTests.Read(await xlsxResponse.Content.ReadAsByteArrayAsync()).Values.First(), firstHeader);
        return (csv.Skip(1).ToList(), xlsx);
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break; CRLF between records.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    private async Task<LedgerEntry> LedgerEntryAsync(Guid departmentId, string name, DateOnly? lastReviewedOn)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = name,
            Kind = "顧客情報",
            Medium = LedgerMedium.Cloud,
            Countries = ["JP"],
            People = PeopleRange.UpTo5000,
            LastReviewedOn = lastReviewedOn,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task<Incident> IncidentAsync(Guid departmentId, string title, IncidentKind kind)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = title,
            Kind = kind,
            DiscoveredAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
            AwareAt = new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero),
            DepartmentId = departmentId,
            PeopleCount = 1200,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = Guid.NewGuid(),
        };
        await using var db = app.Db();
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident;
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    [Fact]
    public async Task The_ledger_filtered_to_overdue_reviews_exports_the_same_entries_in_csv_and_excel_with_formulas_neutralised()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var formula = await LedgerEntryAsync(department.Id, "=HYPERLINK(\"http://example.com\",\"名簿\")", null);
        var old = await LedgerEntryAsync(department.Id, Unique("旧名簿"), new DateOnly(2024, 1, 10));
        var fresh = await LedgerEntryAsync(department.Id, Unique("新名簿"), Today().AddDays(-10));

        var all = await officer.GetPageAsync("/Ledger");
        var page = await officer.GetPageAsync("/Ledger?OverdueOnly=true");
        var shownIds = page.QuerySelectorAll("[data-testid=ledger-table] tbody tr").Select(tr => tr.GetAttribute("data-entry")!).ToList();
        Assert.True(shownIds.Count < all.QuerySelectorAll("[data-testid=ledger-table] tbody tr").Length);
        Assert.Contains(formula.Id.ToString(), shownIds);
        Assert.Contains(old.Id.ToString(), shownIds);
        Assert.DoesNotContain(fresh.Id.ToString(), shownIds);

        var (csv, xlsx) = await ExportAsync(officer, page, "ID");
        Assert.Equal(shownIds, csv.Select(r => r[0]));
        Assert.Equal(shownIds, xlsx.Select(r => r[0] as string));
        // The same names as the page shows (columns of the register: id, department code, name …).
        var shownNames = Shown(page, "[data-testid=ledger-table] tbody tr").Select(r => r[0]).ToList();
        Assert.Equal(shownNames, xlsx.Select(r => (string)r[2]!));
        Assert.Equal("'=HYPERLINK(\"http://example.com\",\"名簿\")", csv.Single(r => r[0] == formula.Id.ToString())[2]);
        Assert.Equal("=HYPERLINK(\"http://example.com\",\"名簿\")", xlsx.Single(r => (string?)r[0] == formula.Id.ToString())[2]);

        var response = await officer.GetAsync(page.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Matches(@"^個人データ取扱台帳_\d{4}-\d{2}-\d{2}\.csv$", disposition.FileNameStar);
        Assert.Matches(@"^ledger_\d{4}-\d{2}-\d{2}\.csv$", disposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task A_department_heads_ledger_and_incident_exports_hold_only_their_department()
    {
        var (mine, _, head) = await app.DepartmentWithHeadAsync();
        var other = await app.CreateDepartmentAsync();
        var marker = Unique("部門");
        await LedgerEntryAsync(mine.Id, $"mine-{marker}", null);
        await LedgerEntryAsync(other.Id, $"other-{marker}", null);
        await IncidentAsync(mine.Id, $"mine-{marker}", IncidentKind.Loss);
        await IncidentAsync(other.Id, $"other-{marker}", IncidentKind.Loss);

        var ledger = await ExportAsync(head, await head.GetPageAsync("/Ledger?OverdueOnly=true"), "ID");
        Assert.NotEmpty(ledger.Csv);
        Assert.All(ledger.Csv, r => Assert.Equal(mine.Code, r[1]));
        Assert.All(ledger.Xlsx, r => Assert.Equal(mine.Code, r[1]));
        Assert.Contains(ledger.Csv, r => r[2] == $"mine-{marker}");

        var incidents = await ExportAsync(head, await head.GetPageAsync("/Incidents?Kind=Loss"), "件名");
        Assert.Equal([$"mine-{marker}"], incidents.Csv.Select(r => r[0]));
        Assert.Equal([$"mine-{marker}"], incidents.Xlsx.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Incidents_filtered_by_kind_export_the_rows_shown_and_other_roles_may_not_export_them()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var lost = await IncidentAsync(department.Id, Unique("紛失"), IncidentKind.Loss);
        await IncidentAsync(department.Id, Unique("誤送信"), IncidentKind.Leakage);

        var all = await officer.GetPageAsync("/Incidents");
        var page = await officer.GetPageAsync("/Incidents?Kind=Loss");
        var shown = Shown(page, "[data-testid=incidents-table] tbody tr");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=incidents-table] tbody tr").Length);
        Assert.Contains(shown, r => r[0] == lost.Title);

        var (csv, xlsx) = await ExportAsync(officer, page, "件名");
        // Title, kind, department, awareness (the organisation's time), people: as the page shows them.
        Assert.Equal(shown.Select(r => r[..4]), csv.Select(r => r[..4]));
        Assert.Equal(shown.Select(r => r[4].Replace(",", "")), csv.Select(r => r[4]));
        Assert.Equal(shown.Select(r => r[0]), xlsx.Select(r => (string)r[0]!));
        Assert.Equal("2026/05/01 10:00", csv.Single(r => r[0] == lost.Title)[3]);

        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        Assert.Equal(HttpStatusCode.Forbidden, (await management.GetAsync("/Incidents?handler=Export&format=csv&Kind=Loss")).StatusCode);
    }

    [Fact]
    public async Task Schedules_filtered_by_status_export_the_rows_shown_and_a_department_head_may_not_export_them()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var paused = Unique("一時停止の計画");
        await using (var db = app.Db())
        {
            var catalog = await db.Catalogs.Select(c => c.Id).FirstAsync();
            foreach (var (name, status) in new[] { (paused, ScheduleStatus.Paused), (Unique("実施中の計画"), ScheduleStatus.Active) })
            {
                db.InspectionSchedules.Add(new InspectionSchedule
                {
                    Id = Guid.NewGuid(),
                    Name = name,
                    CatalogId = catalog,
                    Targets = ScheduleTargets.AllDepartments,
                    Recurrence = ScheduleRecurrence.Quarterly,
                    DueDays = 14,
                    StartsOn = new DateOnly(2026, 4, 1),
                    TimeZone = "Asia/Tokyo",
                    Status = status,
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var all = await officer.GetPageAsync("/Schedules");
        var page = await officer.GetPageAsync("/Schedules?Status=Paused");
        var shown = Shown(page, "[data-testid=schedules-table] tbody tr");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=schedules-table] tbody tr").Length);
        Assert.Contains(shown, r => r[0] == paused);

        var (csv, xlsx) = await ExportAsync(officer, page, "名称");
        Assert.Equal(shown.Select(r => r[..4]), csv.Select(r => r[..4]));
        Assert.Equal(shown.Select(r => r[6]), csv.Select(r => r[8]));
        Assert.Equal(shown.Select(r => r[0]), xlsx.Select(r => (string)r[0]!));

        var (_, _, head) = await app.DepartmentWithHeadAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Schedules?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_review_queue_filtered_by_department_exports_the_rows_shown_and_an_auditor_may_not_export_it()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var first = await app.CreateDepartmentAsync();
        var second = await app.CreateDepartmentAsync();
        foreach (var department in new[] { first, second })
        {
            var inspection = await app.CreateInspectionAsync(department.Id);
            await using var db = app.Db();
            await db.Inspections.Where(i => i.Id == inspection.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InspectionStatus.Submitted).SetProperty(i => i.SubmittedAt, DateTimeOffset.UtcNow));
        }

        var all = await officer.GetPageAsync("/Inspections/Review");
        var page = await officer.GetPageAsync($"/Inspections/Review?Department={first.Id}");
        var shown = Shown(page, "[data-testid=queue-row]");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=queue-row]").Length);
        Assert.Single(shown);

        var (csv, xlsx) = await ExportAsync(officer, page, "提出日時");
        Assert.Equal(shown.Select(r => r[0]), csv.Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[2]), csv.Select(r => r[3]));
        Assert.Equal(shown.Select(r => r[1]), xlsx.Select(r => (string)r[1]!));

        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Inspections/Review?handler=Export&format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Training_coverage_filtered_by_department_exports_the_rows_shown_and_a_department_head_gets_their_own()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (mine, _, head) = await app.DepartmentWithHeadAsync();

        var all = await officer.GetPageAsync("/Training/Coverage");
        var page = await officer.GetPageAsync($"/Training/Coverage?Department={mine.Id}");
        var shown = Shown(page, "[data-testid=coverage-table] tbody tr");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=coverage-table] tbody tr").Length);
        Assert.Single(shown);

        var (csv, xlsx) = await ExportAsync(officer, page, Text(page.QuerySelector("[data-testid=coverage-table] th")!));
        Assert.Equal(shown.Select(r => r[0]), csv.Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[0]), xlsx.Select(r => (string)r[0]!));

        // A department head's export is their department's, whatever department the link names.
        var headPage = await head.GetPageAsync("/Training/Coverage");
        var own = await ExportAsync(head, headPage, Text(headPage.QuerySelector("[data-testid=coverage-table] th")!));
        Assert.Single(own.Csv);
        Assert.StartsWith(mine.Code + " ", own.Csv[0][0]);
        var forged = ParseCsv(Encoding.UTF8.GetString((await head.GetByteArrayAsync("/Training/Coverage?handler=Export&format=csv&Department=" + Guid.NewGuid()))[3..]));
        Assert.StartsWith(mine.Code + " ", forged[1][0]);

        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Training/Coverage?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_filtered_by_department_exports_the_entries_of_its_list()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var first = await app.CreateDepartmentAsync();
        var second = await app.CreateDepartmentAsync();
        var due = (await app.CreateInspectionAsync(first.Id)).DueOn;
        await app.CreateInspectionAsync(second.Id);
        var month = due.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var all = await officer.GetPageAsync($"/Audits/Calendar?Month={month}&view=list");
        var page = await officer.GetPageAsync($"/Audits/Calendar?Month={month}&view=list&Department={first.Id}");
        var shown = Shown(page, "[data-testid=calendar-entry]");
        Assert.True(shown.Count < all.QuerySelectorAll("[data-testid=calendar-entry]").Length);
        Assert.Single(shown);

        var (csv, xlsx) = await ExportAsync(officer, page, "開始日");
        Assert.Equal(shown.Select(r => r[2]), csv.Select(r => r[3]));
        Assert.Equal(shown.Select(r => r[1]), csv.Select(r => r[2]));
        Assert.Equal(shown.Select(r => r[0]), csv.Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[2]), xlsx.Select(r => (string)r[3]!));
        Assert.IsType<DateTime>(xlsx[0][0]);
    }
}
