using System.Net;
using System.Text;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// Audits and findings in management's reports: the dashboard's findings by classification and age,
/// the workbook's Findings and Audits sheets, the findings and audits lists with their exports, and
/// the answers list; a department head sees only their own department's.
/// </summary>
public class FindingsReportTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static int nextYear = 2150;

    private sealed record Dataset(
        Department A, Department B, AppUser HeadA, AppUser HeadB, Audit Current, Audit Old, int ProgrammeYear, string Marker);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    /// <summary>
    /// Department A: a major nonconformity raised 10 days ago (its action overdue), a minor one 45
    /// days ago, an observation 120 days ago (all open) and a minor one closed about two years ago.
    /// Department B: a major nonconformity raised 5 days ago. The current audit (A and B, window
    /// around today) has one recorded result; the old audit (B, 2020) is outside any recent period.
    /// </summary>
    private async Task<Dataset> SeedAsync()
    {
        var a = await app.CreateDepartmentAsync();
        var b = await app.CreateDepartmentAsync();
        var headA = await app.CreateUserAsync([Roles.DepartmentHead], a.Id);
        var headB = await app.CreateUserAsync([Roles.DepartmentHead], b.Id);
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var year = Interlocked.Increment(ref nextYear);
        var now = DateTimeOffset.UtcNow;
        await using var db = app.Db();
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == InspectionApp.CatalogKey).OrderByDescending(v => v.Number).FirstAsync();
        var programme = new AuditProgramme { Id = Guid.NewGuid(), FiscalYear = year, CreatedAt = now };
        Audit NewAudit(string title, DateOnly start, DateOnly end, params Guid[] departments) => new()
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programme.Id,
            Title = $"{title} {marker}",
            DepartmentIds = [.. departments],
            CatalogVersionId = version.Id,
            WindowStart = start,
            WindowEnd = end,
            LeadAuditorId = lead.Id,
            Status = AuditStatus.InFieldwork,
            CreatedAt = now,
            CreatedById = lead.Id,
        };
        var current = NewAudit("監査「今期」", Today.AddDays(-1), Today.AddDays(3), a.Id, b.Id);
        var old = NewAudit("監査 2020", new DateOnly(2020, 5, 1), new DateOnly(2020, 5, 10), b.Id);
        db.AuditProgrammes.Add(programme);
        db.Audits.AddRange(current, old);
        db.AuditTests.Add(new AuditTest { Id = Guid.NewGuid(), AuditId = current.Id, MeasureCode = "POL-1", Result = AuditTestResult.Conforming, TestedAt = now });
        db.AuditTests.Add(new AuditTest { Id = Guid.NewGuid(), AuditId = current.Id, MeasureCode = "RUL-1" });
        var overdueAction = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.AuditFinding,
            DepartmentId = a.Id,
            Action = "鍵の管理を見直す",
            OwnerId = headA.Id,
            DueOn = Today.AddDays(-1),
            Status = CorrectiveActionStatus.Open,
            CreatedAt = now.AddDays(-10),
            CreatedById = lead.Id,
        };
        db.CorrectiveActions.Add(overdueAction);
        Finding NewFinding(Department department, FindingClass classification, int daysAgo, string text, int? closedDaysAgo = null) => new()
        {
            Id = Guid.NewGuid(),
            AuditId = current.Id,
            Classification = classification,
            MeasureCode = "POL-1",
            CheckItemCode = "POL-1.1",
            Description = $"{text} {marker}",
            DepartmentId = department.Id,
            Status = closedDaysAgo is null ? FindingStatus.Open : FindingStatus.Closed,
            CreatedAt = now.AddDays(-daysAgo),
            CreatedById = lead.Id,
            ClosedAt = closedDaysAgo is { } c ? now.AddDays(-c) : null,
        };
        var major = NewFinding(a, FindingClass.MajorNonconformity, 10, "重大, \"施錠なし\"");
        major.CorrectiveActionId = overdueAction.Id;
        db.Findings.AddRange(
            major,
            NewFinding(a, FindingClass.MinorNonconformity, 45, "軽微A"),
            NewFinding(a, FindingClass.Observation, 120, "観察A"),
            NewFinding(a, FindingClass.MinorNonconformity, 800, "古い軽微A", closedDaysAgo: 700),
            NewFinding(b, FindingClass.MajorNonconformity, 5, "重大B"));
        await db.SaveChangesAsync();
        return new Dataset(a, b, headA, headB, current, old, year, marker);
    }

    private static string Count(AngleSharp.Dom.IDocument page, FindingClass classification, string what) =>
        page.QuerySelector($"[data-testid=finding-counts] tr[data-classification='{classification}'] [data-testid={what}]")!.TextContent.Trim();

    [Fact]
    public async Task The_dashboard_counts_findings_by_classification_and_age_and_a_department_head_sees_their_own()
    {
        var data = await SeedAsync();
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);

        var page = await management.GetPageAsync($"/Dashboard?department={data.A.Id}");

        Assert.Equal("1", Count(page, FindingClass.MajorNonconformity, "total"));
        Assert.Equal("1", Count(page, FindingClass.MajorNonconformity, "under30"));
        // The minor one closed two years ago is outside the fiscal year.
        Assert.Equal("1", Count(page, FindingClass.MinorNonconformity, "total"));
        Assert.Equal("1", Count(page, FindingClass.MinorNonconformity, "from30to90"));
        Assert.Equal("1", Count(page, FindingClass.Observation, "over90"));
        Assert.Equal("0", Count(page, FindingClass.OpportunityForImprovement, "total"));

        var head = await app.SignInAsync(data.HeadB);
        var own = await head.GetPageAsync($"/Dashboard?department={data.A.Id}");
        Assert.Equal("1", Count(own, FindingClass.MajorNonconformity, "open"));
        Assert.Equal("1", Count(own, FindingClass.MajorNonconformity, "under30"));
        Assert.Equal("0", Count(own, FindingClass.MinorNonconformity, "total"));
        Assert.Equal("0", Count(own, FindingClass.Observation, "total"));
    }

    [Fact]
    public async Task The_workbook_lists_the_findings_and_audits_of_the_period_with_a_colour_scale_and_validates()
    {
        var data = await SeedAsync();
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var year = ReportPeriod.FiscalYearOf(Today, 4);

        var bytes = await management.GetByteArrayAsync($"/Dashboard?handler=Workbook&period=FY{year}&department={data.A.Id}");
        var sheets = DashboardTests.Read(bytes);

        var findings = DashboardTests.DataRows(sheets["指摘事項"], "部門");
        Assert.Equal(3, findings.Count);
        var major = findings.Single(r => ((string)r[5]!).StartsWith("重大, \"施錠なし\"", StringComparison.Ordinal));
        Assert.Contains(data.A.Code, (string)major[0]!);
        Assert.Equal(data.Current.Title, major[1]);
        Assert.Equal("POL-1", major[2]);
        Assert.Equal("POL-1.1", major[3]);
        Assert.Equal("重大な不適合", major[4]);
        Assert.Equal("未完了", major[6]);
        Assert.IsType<DateTime>(major[7]);
        Assert.Equal(10.0, major[8]);
        Assert.Equal("未着手", major[9]);
        Assert.IsType<DateTime>(major[10]);
        Assert.Equal(true, major[11]);
        Assert.DoesNotContain(findings, r => ((string)r[5]!).StartsWith("古い", StringComparison.Ordinal));

        var audits = DashboardTests.DataRows(sheets["内部監査"], "監査");
        var current = Assert.Single(audits);
        Assert.Equal(data.Current.Title, current[0]);
        Assert.Contains(data.A.NameJa, (string)current[1]!);
        Assert.IsType<DateTime>(current[2]);
        Assert.Equal(1.0, current[6]);   // results recorded
        Assert.Equal(4.0, current[7]);   // department A's findings of the audit
        Assert.Equal(3.0, current[8]);   // of which open

        // The summary's heatmap scores carry a colour scale.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var summary = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var scale = summary.Worksheet.Descendants<ConditionalFormatting>().Single();
        Assert.StartsWith("C", scale.SequenceOfReferences!.InnerText);
        Assert.NotNull(scale.Descendants<ColorScale>().SingleOrDefault());
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        // A department head's workbook: their department's findings only, whatever the URL says.
        var head = await app.SignInAsync(data.HeadB);
        var theirs = DashboardTests.Read(await head.GetByteArrayAsync($"/Dashboard?handler=Workbook&period=FY{year}&department={data.A.Id}"));
        var headFindings = DashboardTests.DataRows(theirs["指摘事項"], "部門");
        Assert.Equal([$"重大B {data.Marker}"], headFindings.Select(r => (string)r[5]!));
        Assert.Equal(1.0, Assert.Single(DashboardTests.DataRows(theirs["内部監査"], "監査"))[7]);
    }

    [Fact]
    public async Task The_findings_list_filters_and_exports_exactly_its_rows_and_a_department_head_sees_their_own()
    {
        var data = await SeedAsync();
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);

        var page = await management.GetPageAsync($"/Audits/Findings?Classification=MinorNonconformity&Department={data.A.Id}");
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=finding-row]").Length);
        var open = await management.GetPageAsync($"/Audits/Findings?Classification=MinorNonconformity&Status=Open&Department={data.A.Id}");
        Assert.Single(open.QuerySelectorAll("[data-testid=finding-row]"));
        var overdue = await management.GetPageAsync($"/Audits/Findings?Department={data.A.Id}&Classification=MajorNonconformity");
        Assert.Single(overdue.QuerySelectorAll("[data-testid=finding-row] [data-testid=overdue]"));

        var csv = await management.GetByteArrayAsync($"/Audits/Findings?handler=Export&format=csv&Department={data.A.Id}");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains($"\"重大, \"\"施錠なし\"\" {data.Marker}\"", text);
        Assert.Contains($"古い軽微A {data.Marker}", text);
        Assert.DoesNotContain($"重大B {data.Marker}", text);

        var xlsx = DashboardTests.Read(await management.GetByteArrayAsync($"/Audits/Findings?handler=Export&format=xlsx&Classification=MinorNonconformity&Status=Open&Department={data.A.Id}"));
        var row = Assert.Single(DashboardTests.DataRows(xlsx.Single().Value, "監査"));
        Assert.Equal(data.A.Code, row[1]);
        Assert.IsType<DateTime>(row[8]);
        Assert.Equal(45.0, row[9]);

        var head = await app.SignInAsync(data.HeadB);
        var headPage = await head.GetPageAsync($"/Audits/Findings?Department={data.A.Id}");
        Assert.Equal([$"重大B {data.Marker}"], headPage.QuerySelectorAll("[data-testid=finding-row] a[href^='/Audits/Finding/']").Select(a => a.TextContent.Trim()));
        var headCsv = await head.GetStringAsync($"/Audits/Findings?handler=Export&format=csv&Department={data.A.Id}");
        Assert.Contains($"重大B {data.Marker}", headCsv);
        Assert.DoesNotContain($"軽微A {data.Marker}", headCsv);

        Assert.Equal(HttpStatusCode.BadRequest, (await management.GetAsync("/Audits/Findings?handler=Export&format=pdf")).StatusCode);
        var bad = await management.GetAsync("/Audits/Findings?Classification=<script>&Status=9&p=-5");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", (await app.Anonymous().GetAsync("/Audits/Findings")).RedirectPath());
    }

    [Fact]
    public async Task The_audit_programme_exports_its_audits_and_a_department_head_only_theirs()
    {
        var data = await SeedAsync();
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);

        var page = await management.GetPageAsync($"/Audits?Year={data.ProgrammeYear}");
        Assert.NotNull(page.QuerySelector("[data-testid=export-xlsx]"));
        var all = DashboardTests.Read(await management.GetByteArrayAsync($"/Audits?handler=Export&format=xlsx&Year={data.ProgrammeYear}"));
        var rows = DashboardTests.DataRows(all.Single().Value, "監査");
        Assert.Equal([data.Old.Title, data.Current.Title], rows.Select(r => (string)r[0]!));
        Assert.IsType<DateTime>(rows[0][2]);
        Assert.Equal(5.0, rows.Single(r => (string)r[0]! == data.Current.Title)[7]);

        var headA = await app.SignInAsync(data.HeadA);
        var csv = await headA.GetStringAsync($"/Audits?handler=Export&format=csv&Year={data.ProgrammeYear}");
        Assert.Contains(data.Current.Title, csv);
        Assert.DoesNotContain(data.Old.Title, csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await headA.GetAsync($"/Audits?handler=Export&format=doc&Year={data.ProgrammeYear}")).StatusCode);
    }

    [Fact]
    public async Task The_answers_list_filters_by_period_department_measure_and_answer_and_exports_exactly_its_rows()
    {
        var data = await SeedAsync();
        var ours = await app.CreateInspectionAsync(data.A.Id, "POL-1");
        var theirs = await app.CreateInspectionAsync(data.B.Id, "POL-1");
        await using (var db = app.Db())
        {
            foreach (var (inspection, value) in new[] { (ours, AnswerValue.Yes), (theirs, AnswerValue.No) })
            {
                var checkItems = await db.CheckItems.Where(c => c.Measure.CatalogVersionId == inspection.CatalogVersionId && c.Measure.Code == "POL-1").ToListAsync();
                db.Answers.AddRange(checkItems.Select(c => new Answer { Id = Guid.NewGuid(), InspectionId = inspection.Id, CheckItemId = c.Id, Value = value, Comment = $"メモ, {data.Marker}\n二行目" }));
            }

            await db.SaveChangesAsync();
        }

        var items = await app.QueryAsync(db => db.CheckItems.CountAsync(c => c.Measure.CatalogVersionId == ours.CatalogVersionId && c.Measure.Code == "POL-1"));
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var page = await management.GetPageAsync($"/Reports/Answers?Period=2026Q1&Department={data.A.Id}&Measure=POL-1");
        Assert.Equal(items, page.QuerySelectorAll("[data-testid=answer-row]").Length);
        Assert.All(page.QuerySelectorAll("[data-testid=answer-row] [data-testid=value]"), v => Assert.Equal("はい", v.TextContent.Trim()));
        Assert.Empty((await management.GetPageAsync($"/Reports/Answers?Period=2026Q1&Department={data.A.Id}&Value=No")).QuerySelectorAll("[data-testid=answer-row]"));
        Assert.Empty((await management.GetPageAsync($"/Reports/Answers?Period=2026Q2&Department={data.A.Id}")).QuerySelectorAll("[data-testid=answer-row]"));

        var xlsx = DashboardTests.Read(await management.GetByteArrayAsync($"/Reports/Answers?handler=Export&format=xlsx&Period=2026Q1&Department={data.A.Id}"));
        var rows = DashboardTests.DataRows(xlsx.Single().Value, "部門コード");
        Assert.Equal(items, rows.Count);
        Assert.All(rows, r => Assert.Equal(data.A.Code, r[0]));
        Assert.IsType<DateTime>(rows[0][2]);
        Assert.Equal(0.0, rows[0][10]);
        var csv = await management.GetStringAsync($"/Reports/Answers?handler=Export&format=csv&Period=2026Q1&Department={data.A.Id}");
        Assert.Contains($"\"メモ, {data.Marker}\n二行目\"", csv);

        // A department head: their department only, whatever the URL says.
        var head = await app.SignInAsync(data.HeadB);
        var headCsv = await head.GetStringAsync($"/Reports/Answers?handler=Export&format=csv&Period=2026Q1&Department={data.A.Id}");
        Assert.Contains(data.B.Code, headCsv);
        Assert.DoesNotContain(data.A.Code, headCsv);

        var bad = await management.GetPageAsync("/Reports/Answers?Period=<script>&Value=x&Measure=" + new string('M', 500));
        Assert.NotNull(bad.QuerySelector("[data-testid=period-invalid]"));
        Assert.Equal(HttpStatusCode.BadRequest, (await management.GetAsync("/Reports/Answers?handler=Export&format=exe")).StatusCode);
    }
}
