using Controls.IntegrationTests.Audits;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// The demo organisation's PrivacyMark year, seeded with every built-in catalog as a first run does:
/// this fiscal year's PMS internal audit in fieldwork (results on some requirement areas, findings
/// citing clauses, one with its corrective action), risk assessments on the ledger (one due again),
/// a training with a comprehension test, and the dashboard and workbook showing them to management and
/// the compliance officer.
/// </summary>
public class PrivacyMarkDemoTests(PmsInternalAuditTests.App app) : IClassFixture<PmsInternalAuditTests.App>
{
    [Fact]
    public async Task The_demo_runs_a_PMS_internal_audit_this_year_and_the_dashboard_shows_the_privacymark_year()
    {
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", RepositoryRoot.File("seeds", "demo-organisation.yaml"), "--demo"],
            new StringReader(""), new StringWriter(), new StringWriter()));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

        var audit = await app.QueryAsync(db => db.Audits.AsNoTracking().SingleAsync(a => a.CatalogVersion.Catalog.Key == PmsInternalAuditTests.PmsCatalog));
        Assert.Equal(AuditStatus.InFieldwork, audit.Status);
        Assert.InRange(today, audit.WindowStart, audit.WindowEnd);
        var results = await app.QueryAsync(db => db.AuditTests.Where(t => t.AuditId == audit.Id && t.Result != null).Select(t => t.MeasureCode).ToListAsync());
        Assert.True(results.Count >= 2, "fieldwork results on some measures");
        var findings = await app.QueryAsync(db => db.Findings.AsNoTracking().Where(f => f.AuditId == audit.Id)
            .Select(f => new
            {
                f.CheckItemCode,
                Clause = db.CheckItems.Where(c => c.Measure.CatalogVersionId == audit.CatalogVersionId && c.Code == f.CheckItemCode).Select(c => c.Clause).Single(),
                f.CorrectiveActionId,
            })
            .ToListAsync());
        Assert.InRange(findings.Count, 2, 3);
        Assert.All(findings, f => Assert.NotEqual("", f.Clause));
        Assert.Single(findings, f => f.CorrectiveActionId != null);
        Assert.Contains(findings, f => f.Clause == "6.1.2");

        // The ledger's risk assessments (one due again) and the training with a comprehension test.
        var assessed = await app.QueryAsync(db => db.RiskAssessments.Select(r => r.AssessedOn).ToListAsync());
        Assert.True(assessed.Count >= 2);
        Assert.Contains(assessed, on => on < today.AddYears(-1));
        Assert.True(await app.QueryAsync(db => db.TrainingTestResults.AnyAsync(r => r.Passed)));

        // Management (in English) sees the year with links to the register and the review, the tests without a link.
        var exec = await app.SignInAsync(await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "exec@sakura.example")), "Controls-Demo-2026");
        var page = await exec.GetPageAsync("/Dashboard");
        Assert.Equal("6", page.QuerySelector("[data-testid=pms-risks] [data-testid=risk-entries]")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("[data-testid=pms-risks] [data-testid=risk-assessed]")!.TextContent.Trim());
        Assert.Equal("5", page.QuerySelector("[data-testid=pms-risks] [data-testid=risk-due]")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=pms-risks] [data-testid=risk-high]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=pms-review] a[data-testid=review-held-on]"));
        var tests = page.QuerySelectorAll("[data-testid=pms-tests] [data-testid=test-row]");
        Assert.NotEmpty(tests);
        Assert.All(tests, t => Assert.Equal("SPAN", t.QuerySelector("[data-testid=still-must]")!.TagName));
        Assert.Contains("The PrivacyMark year", page.Body!.TextContent, StringComparison.Ordinal);

        var officer = await app.SignInAsync(await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "privacy@sakura.example")), "Controls-Demo-2026");
        var officerPage = await officer.GetPageAsync("/Dashboard");
        Assert.NotEmpty(officerPage.QuerySelectorAll("[data-testid=pms-tests] a[data-testid=still-must]"));

        // The workbook's findings by clause carry the audit's findings.
        var sheets = DashboardTests.Read(await officer.GetByteArrayAsync("/Dashboard?handler=Workbook"));
        var byClause = DashboardTests.DataRows(sheets["箇条別の指摘事項"], "箇条");
        Assert.Equal(findings.Select(f => f.Clause).Order(), byClause.Select(r => (string)r[0]!).Order());
    }
}
