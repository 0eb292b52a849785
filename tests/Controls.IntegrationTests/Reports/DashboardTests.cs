using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.App;
using Controls.Web.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// Management's dashboard and the management-review workbook on a small, hand-computed dataset:
/// one division with two departments, answers that include "partial" and "not applicable".
/// </summary>
public class DashboardTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    /// <summary>Fiscal 2026's first quarter (April–June 2026) and the quarter before it.</summary>
    private const string Period = "2026Q1";

    private sealed record Dataset(Department Division, Department Sales, Department Legal, int CurrentAnswers, Guid SalesNow, Guid SalesBefore);

    /// <summary>
    /// Sales, 2026Q1, submitted: basic-policy yes, partial, n/a (→ 1.5 / 2 = 75 %); human no, yes, yes,
    /// partial (→ 2.5 / 4 = 62.5 %). Sales, the quarter before, accepted: basic-policy yes, no (→ 50 %).
    /// Legal, 2026Q1, still in progress with every answer "yes": does not count.
    /// </summary>
    private async Task<Dataset> SeedAsync()
    {
        var division = await app.CreateDepartmentAsync();
        var sales = await app.CreateDepartmentAsync(parentId: division.Id);
        var legal = await app.CreateDepartmentAsync(parentId: division.Id);
        await using (var db = app.Db())
        {
            var d = await db.Departments.SingleAsync(x => x.Id == sales.Id);
            d.NameJa = "営業部「東京」";
            await db.SaveChangesAsync();
            sales.NameJa = d.NameJa;
        }

        var basic = await ItemsAsync("basic-policy");
        var human = await ItemsAsync("human");
        Assert.True(basic.Count >= 3 && human.Count >= 4, "the built-in catalog has enough items per category");

        var current = await InspectionAsync(sales.Id, new DateOnly(2026, 4, 1), InspectionStatus.Submitted,
            (basic[0], AnswerValue.Yes), (basic[1], AnswerValue.Partial), (basic[2], AnswerValue.NotApplicable),
            (human[0], AnswerValue.No), (human[1], AnswerValue.Yes), (human[2], AnswerValue.Yes), (human[3], AnswerValue.Partial));
        var before = await InspectionAsync(sales.Id, new DateOnly(2026, 1, 1), InspectionStatus.Accepted,
            (basic[0], AnswerValue.Yes), (basic[1], AnswerValue.No));
        await InspectionAsync(legal.Id, new DateOnly(2026, 4, 1), InspectionStatus.InProgress,
            (basic[0], AnswerValue.Yes), (human[0], AnswerValue.Yes));
        // Answers of the quarter, whatever the inspection's state: Sales 7 + Legal 2.
        return new Dataset(division, sales, legal, 7 + 2, current, before);
    }

    private Task<List<Guid>> ItemsAsync(string category, string catalog = InspectionApp.CatalogKey) =>
        app.QueryAsync(db => db.CheckItems.Where(c => c.Measure.Category == category && c.Measure.CatalogVersion.Catalog.Key == catalog)
            .OrderBy(c => c.Measure.SortOrder).ThenBy(c => c.SortOrder).Select(c => c.Id).ToListAsync());

    private Task<Guid> InspectionAsync(Guid departmentId, DateOnly start, InspectionStatus status, params (Guid Item, AnswerValue Value)[] answers) =>
        InspectionAsync(InspectionApp.CatalogKey, departmentId, start, status, answers);

    private async Task<Guid> InspectionAsync(string catalog, Guid departmentId, DateOnly start, InspectionStatus status, params (Guid Item, AnswerValue Value)[] answers)
    {
        await using var db = app.Db();
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == catalog).OrderByDescending(v => v.Number).FirstAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            DepartmentId = departmentId,
            TargetKey = Inspection.DepartmentTarget(departmentId) + ":" + start,
            PeriodStart = start,
            PeriodEnd = start.AddMonths(3).AddDays(-1),
            DueOn = start.AddMonths(3).AddDays(14),
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = status is InspectionStatus.Submitted or InspectionStatus.Accepted ? new DateTimeOffset(start.AddMonths(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        foreach (var (item, value) in answers)
        {
            inspection.Answers.Add(new Answer { Id = Guid.NewGuid(), CheckItemId = item, Value = value, Comment = "確認済み, \"要注意\"", AnsweredAt = DateTimeOffset.UtcNow });
        }

        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        // As submitting or reviewing does.
        await Controls.Web.Data.InspectionScores.RecomputeAsync(db, inspection.Id);
        return inspection.Id;
    }

    private static string Cell(AngleSharp.Dom.IDocument page, Department department, string category, string what) =>
        page.QuerySelector($"[data-testid=heatmap-row][data-department='{department.Code}'] [data-category='{category}'] [data-testid={what}]")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task The_heatmap_has_a_PMS_column_only_when_a_self_inspection_in_scope_answered_PMS_requirements()
    {
        const string pms = "jisq15001-pms";
        var data = await SeedAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Management);
        static List<string?> Columns(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll("[data-testid=heatmap-column]").Select(c => c.GetAttribute("data-category"))];

        // The APPI categories always, even those nobody answered; no PMS column while no one self-inspects against it.
        var page = await client.GetPageAsync($"/Dashboard?period={Period}&division={data.Division.Id}");
        Assert.Equal(["basic-policy", "handling-rules", "organisational", "human", "physical", "technical", "external-environment", "contractor-supervision"], Columns(page));
        Assert.Empty(page.QuerySelectorAll("[data-testid=heatmap-cell][data-category=pms]"));
        Assert.DoesNotContain(await WorkbookHeatmapHeaderAsync(client, data.Division), c => c.StartsWith("個人情報保護マネジメントシステム", StringComparison.Ordinal));

        // Sales hands in a self-inspection against the PMS catalog: its requirements get their column, with the score.
        if (!await app.QueryAsync(db => db.Catalogs.AnyAsync(c => c.Key == pms)))
        {
            var error = new StringWriter();
            Assert.True(await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", pms + ".yaml")],
                new StringReader(""), new StringWriter(), error) == 0, error.ToString());
        }

        var requirements = await ItemsAsync("pms", pms);
        await InspectionAsync(pms, data.Sales.Id, new DateOnly(2026, 4, 1), InspectionStatus.Submitted,
            (requirements[0], AnswerValue.Yes), (requirements[1], AnswerValue.No));
        page = await client.GetPageAsync($"/Dashboard?period={Period}&division={data.Division.Id}");
        Assert.Equal("pms", Columns(page)[^1]);
        Assert.Equal("50.0%", Cell(page, data.Sales, "pms", "score"));
        Assert.Equal("–", page.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Legal.Code}'] [data-category=pms]")!.TextContent.Trim());
        Assert.Contains("個人情報保護マネジメントシステム(PMS) (%)", await WorkbookHeatmapHeaderAsync(client, data.Division));
    }

    /// <summary>The column titles of the heatmap on the workbook's summary sheet.</summary>
    private static async Task<List<string>> WorkbookHeatmapHeaderAsync(HttpClient client, Department division)
    {
        var summary = Read(await client.GetByteArrayAsync($"/Dashboard?handler=Workbook&period={Period}&division={division.Id}"))["概要"];
        return [.. summary.Single(r => r.Length > 2 && (r[0] as string) == "本部" && (r[1] as string) == "部門").Select(c => c as string ?? "")];
    }

    [Fact]
    public async Task The_heatmap_shows_hand_computed_scores_with_the_change_against_the_previous_quarter()
    {
        var data = await SeedAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Management);

        var page = await client.GetPageAsync($"/Dashboard?period={Period}&division={data.Division.Id}");

        Assert.Equal("75.0%", Cell(page, data.Sales, "basic-policy", "score"));
        Assert.Equal("▲25.0", Cell(page, data.Sales, "basic-policy", "change"));
        Assert.Equal("62.5%", Cell(page, data.Sales, "human", "score"));
        Assert.Equal("", Cell(page, data.Sales, "human", "change"));
        Assert.Equal("66.7%", page.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Sales.Code}'] [data-testid=department-score]")!.TextContent.Trim());
        // Legal's inspection is still in progress: nothing counts yet.
        Assert.Equal("", Cell(page, data.Legal, "basic-policy", "score"));
        Assert.Equal("–", page.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Legal.Code}'] [data-testid=department-score]")!.TextContent.Trim());
        Assert.Contains("score-fair", page.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Sales.Code}'] [data-category='human']")!.ClassName);
        Assert.Equal("66.7%", page.QuerySelector("[data-testid=overall]")!.TextContent.Trim().Split(' ')[0]);

        // The cell leads to exactly the inspections behind it: the department's handed-in ones of the period.
        var link = page.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Sales.Code}'] [data-category='human'] a")!.GetAttribute("href")!;
        Assert.Contains($"department={data.Sales.Id}", link);
        Assert.Contains("from=2026-04-01&to=2026-06-30", link);
        var inspections = await client.GetPageAsync(link);
        Assert.Equal([data.SalesNow.ToString()], inspections.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));
        var previousPage = await client.GetPageAsync($"/Dashboard?period=2025Q4&division={data.Division.Id}");
        var previousLink = previousPage.QuerySelector($"[data-testid=heatmap-row][data-department='{data.Sales.Code}'] [data-category='basic-policy'] a")!.GetAttribute("href")!;
        var previous = await client.GetPageAsync(previousLink);
        Assert.Equal([data.SalesBefore.ToString()], previous.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));
        // A reversed range is ignored with a message, never an error.
        var reversed = await client.GetPageAsync($"/Inspections?department={data.Sales.Id}&view=all&from=2026-06-30&to=2026-04-01");
        Assert.NotNull(reversed.QuerySelector("[data-testid=range-invalid]"));
        Assert.Equal(2, reversed.QuerySelectorAll("[data-testid=inspection-row]").Length);

        // The trend carries the quarter's figure for the chart script.
        var trend = page.QuerySelector("[data-testid=trend]")!.GetAttribute("data-trend")!;
        Assert.Contains("\"2026Q1\"", trend);
        Assert.Contains("66.7", trend);
    }

    [Fact]
    public async Task Open_and_overdue_actions_are_counted_the_same_on_the_dashboard_the_actions_list_and_the_workbook()
    {
        // One action in every status, all past their due date: open = not yet verified (4),
        // overdue = neither implemented nor verified (3).
        var division = await app.CreateDepartmentAsync();
        var department = await app.CreateDepartmentAsync(parentId: division.Id);
        var owner = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        await using (var db = app.Db())
        {
            foreach (var status in Enum.GetValues<CorrectiveActionStatus>())
            {
                db.CorrectiveActions.Add(new CorrectiveAction
                {
                    Id = Guid.NewGuid(),
                    Source = CorrectiveActionSource.Inspection,
                    DepartmentId = department.Id,
                    Action = "是正 " + status,
                    OwnerId = owner.Id,
                    CreatedById = owner.Id,
                    DueOn = new DateOnly(2026, 5, 1),
                    Status = status,
                    CreatedAt = new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero),
                });
            }

            await db.SaveChangesAsync();
        }

        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var dashboard = await client.GetPageAsync($"/Dashboard?period={Period}&division={division.Id}");
        var counts = dashboard.QuerySelector($"[data-testid=action-counts] tr[data-department='{department.Code}']")!
            .QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["4", "3"], counts);

        var open = await client.GetPageAsync($"/Actions?department={department.Id}&show=open");
        Assert.Equal(4, open.QuerySelectorAll("[data-testid=action-row]").Length);
        var overdue = await client.GetPageAsync($"/Actions?department={department.Id}&show=all&overdue=true");
        Assert.Equal(3, overdue.QuerySelectorAll("[data-testid=action-row]").Length);

        var summary = Read(await client.GetByteArrayAsync($"/Dashboard?handler=Workbook&period={Period}&division={division.Id}"))["概要"];
        Assert.Equal(4.0, summary.Single(r => (r[0] as string) == "未完了の改善・是正処置")[1]);
    }

    [Fact]
    public async Task A_department_head_sees_only_their_department_whatever_the_url_says()
    {
        var data = await SeedAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], data.Legal.Id);
        var client = await app.SignInAsync(head);

        var page = await client.GetPageAsync($"/Dashboard?period={Period}&department={data.Sales.Id}");

        var rows = page.QuerySelectorAll("[data-testid=heatmap-row]").Select(r => r.GetAttribute("data-department")).ToList();
        Assert.Equal([data.Legal.Code], rows);

        var workbook = Read(await client.GetByteArrayAsync($"/Dashboard?handler=Workbook&period={Period}&department={data.Sales.Id}"));
        var inspections = DataRows(workbook["自己点検"], "本部");
        Assert.Single(inspections);
        Assert.Contains(data.Legal.Code, (string)inspections[0][1]!);
    }

    [Fact]
    public async Task A_bad_period_falls_back_to_the_current_fiscal_year_with_a_message()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var page = await client.GetPageAsync("/Dashboard?period=<script>");
        Assert.NotNull(page.QuerySelector("[data-testid=period-invalid]"));
    }

    [Fact]
    public async Task A_user_without_a_role_is_refused_and_anonymous_users_are_sent_to_sign_in()
    {
        var department = await app.CreateDepartmentAsync();
        var plain = await app.CreateUserAsync([], department.Id);
        var client = await app.SignInAsync(plain);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Dashboard?handler=Workbook")).StatusCode);

        var anonymous = await app.Anonymous().GetAsync("/Dashboard?handler=Workbook");
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", anonymous.RedirectPath());
    }

    [Fact]
    public async Task The_workbook_reads_back_with_its_sheets_headers_rows_real_dates_and_japanese_and_validates()
    {
        var data = await SeedAsync();
        var (client, _) = await app.SignInAsNewAsync(Roles.Management);

        var response = await client.GetAsync($"/Dashboard?handler=Workbook&period={Period}&division={data.Division.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("management-review-2026-04-01_2026-06-30.xlsx", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var sheets = Read(bytes);
        Assert.Equal(["概要", "自己点検", "回答", "指摘事項", "改善・是正処置", "内部監査", "委託先", "マネジメントレビュー", "PMS内部監査の結果", "箇条別の指摘事項", "リスク分析", "理解度確認テスト", "開示等の請求"], sheets.Keys);

        var inspections = DataRows(sheets["自己点検"], "本部");
        Assert.Equal(2, inspections.Count);
        var sales = inspections.Single(r => ((string)r[1]!).Contains(data.Sales.Code, StringComparison.Ordinal));
        Assert.Contains("営業部「東京」", (string)sales[1]!);
        Assert.IsType<DateTime>(sales[4]);
        Assert.Equal(new DateTime(2026, 4, 1), sales[4]);
        Assert.Equal(4.0 / 6, (double)sales[10]!, 3);

        var answers = DataRows(sheets["回答"], "部門");
        Assert.Equal(data.CurrentAnswers, answers.Count);
        Assert.Contains(answers, r => (string?)r[7] == "一部");
        Assert.All(answers, r => Assert.Equal("確認済み, \"要注意\"", r[8]));
        Assert.All(answers, r => Assert.Equal(0.0, r[9]));   // evidence files, a number

        // No audits in this dataset: the sheets have their headers and no rows.
        Assert.Empty(DataRows(sheets["指摘事項"], "部門"));
        Assert.Empty(DataRows(sheets["内部監査"], "監査"));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_workbook_in_english_from_the_command_line_and_bad_input_exits_2()
    {
        await SeedAsync();
        var path = Path.Combine(Path.GetTempPath(), $"mr-{Guid.NewGuid():N}.xlsx");
        var (exit, _, error) = await RunAsync("export", "management-review", "--from", "2026-04-01", "--to", "2026-06-30", "--lang", "en", "--out", path);
        Assert.True(exit == 0, error);
        var sheets = Read(await File.ReadAllBytesAsync(path));
        File.Delete(path);
        Assert.Equal(["Summary", "Inspections", "Answers", "Findings", "Corrective actions", "Audits", "Contractors", "Management reviews", "PMS audit results", "Findings by clause", "Risk register", "Comprehension tests", "Data subjects' requests"], sheets.Keys);
        Assert.Contains(sheets["Summary"], r => r.Length > 0 && (r[0] as string ?? "").StartsWith("Management review 2026/04/01 to 2026/06/30", StringComparison.Ordinal));

        Assert.Equal(2, (await RunAsync("export", "management-review", "--from", "2026-13-01", "--to", "2026-06-30", "--lang", "en", "--out", path)).Exit);
        Assert.Equal(2, (await RunAsync("export", "management-review", "--from", "2026-04-01", "--to", "2026-03-01", "--lang", "en", "--out", path)).Exit);
        var (badLang, _, message) = await RunAsync("export", "management-review", "--from", "2026-04-01", "--to", "2026-06-30", "--lang", "fr", "--out", path);
        Assert.Equal(2, badLang);
        Assert.Contains("--lang must be ja or en", message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_bench_seed_refuses_a_database_with_real_users_and_bad_sizes()
    {
        await app.CreateUserAsync([Roles.Management]);
        var (exit, _, error) = await RunAsync("seed", "bench", "--departments", "3", "--years", "1");
        Assert.Equal(1, exit);
        Assert.Contains("--force", error);
        Assert.Equal(2, (await RunAsync("seed", "bench", "--departments", "0", "--years", "1")).Exit);
        Assert.False(await app.QueryAsync(db => db.Departments.AnyAsync(d => d.Code.StartsWith("B0"))));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The rows under the header row that starts with <paramref name="firstHeader"/>.</summary>
    public static List<object?[]> DataRows(List<object?[]> rows, string firstHeader)
    {
        var header = rows.FindIndex(r => r.Length > 0 && (r[0] as string) == firstHeader);
        Assert.True(header >= 0, $"no header row starting with {firstHeader}");
        return rows.Skip(header + 1).Where(r => r.Any(c => c is not null)).ToList();
    }

    public static Dictionary<string, List<object?[]>> Read(byte[] xlsx)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }
}
