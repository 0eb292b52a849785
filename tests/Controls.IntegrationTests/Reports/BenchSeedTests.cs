using System.Globalization;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Controls.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// The bench dataset (<see cref="BenchSeed"/>: PostgreSQL COPY, or SQLite's prepared INSERTs) on
/// the test provider, small (3 departments × 1 year): its rows read back through the model as the
/// app reads its own (ids, instants, dates, the empty list, the version token), and the dashboard's
/// figures on it equal the scoring formula applied to the answers themselves.
/// </summary>
public class BenchSeedTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Fact]
    public async Task The_bench_seed_gives_rows_the_model_reads_and_dashboard_figures_equal_to_the_answers_scored_directly()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(app.Services, ["seed", "bench", "--departments", "3", "--years", "1"], new StringReader(""), output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("3 departments, 36 inspections", output.ToString());

        await using var db = app.Db();
        var items = await db.CheckItems.CountAsync(c => c.Measure.CatalogVersion.Catalog.Key == InspectionApp.CatalogKey);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Code.StartsWith("B0")).ToListAsync();
        Assert.Equal(new[] { "B0001", "B0002", "B0003", "B0D01" }, departments.Select(d => d.Code).Order());
        var ids = departments.Where(d => d.ParentId != null).Select(d => d.Id).ToList();
        var inspections = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.DepartmentId)).ToListAsync();
        Assert.Equal(36, inspections.Count);
        Assert.Equal(36L * items, await db.Answers.LongCountAsync(a => ids.Contains(a.Inspection.DepartmentId)));

        // Read back as the model stores them on this provider.
        var latest = inspections.Max(i => i.PeriodStart);
        Assert.All(inspections, i =>
        {
            Assert.Empty(i.MeasureCodes);
            Assert.NotEqual(0u, i.Version);
            Assert.Equal(Inspection.DepartmentTarget(i.DepartmentId), i.TargetKey);
            Assert.Equal(1, i.PeriodStart.Day);
            Assert.Equal(i.PeriodStart.AddMonths(1).AddDays(-1), i.PeriodEnd);
            Assert.Equal(i.PeriodEnd.AddDays(14), i.DueOn);
            Assert.Equal(TimeSpan.Zero, i.CreatedAt.Offset);
            Assert.Equal(i.PeriodStart.ToDateTime(TimeOnly.MinValue), i.CreatedAt.UtcDateTime);
            Assert.Equal(i.PeriodStart == latest, i.Status == InspectionStatus.InProgress);
            Assert.Equal(i.Status == InspectionStatus.InProgress, i.SubmittedAt is null);
            Assert.Equal(i.Status == InspectionStatus.Accepted, i.ReviewedAt is not null);
        });
        Assert.Equal(12, inspections.Select(i => i.PeriodStart).Distinct().Count());
        if (TestDatabase.IsSqlite)
        {
            Assert.Equal(36, await db.Database.SqlQueryRaw<long>(
                "SELECT COUNT(*) AS \"Value\" FROM inspections WHERE measure_codes = '[]' AND version = 1 AND id = lower(id) AND typeof(created_at) = 'integer' AND period_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-01' AND department_id IN (SELECT id FROM departments WHERE code LIKE 'B0%')").SingleAsync());
        }

        // Instants compare in SQL as in memory (SQLite: ticks).
        var cut = inspections.Where(i => i.SubmittedAt is not null).Select(i => i.SubmittedAt!.Value).Order().ElementAt(10);
        Assert.Equal(inspections.Count(i => i.SubmittedAt > cut), await db.Inspections.CountAsync(i => ids.Contains(i.DepartmentId) && i.SubmittedAt > cut));

        // The answers scored directly (ComplianceScore over every answer of a handed-in inspection).
        var answers = await db.Answers.AsNoTracking()
            .Where(a => ids.Contains(a.Inspection.DepartmentId))
            .Select(a => new { a.Inspection.DepartmentId, a.Inspection.PeriodStart, a.Inspection.Status, a.CheckItem.Measure.Category, a.Value, a.AnsweredAt })
            .ToListAsync();
        Assert.All(answers, a => Assert.NotNull(a.AnsweredAt));
        var counted = answers.Where(a => ComplianceScore.CountedStatuses.Contains(a.Status)).ToList();
        var first = inspections.Min(i => i.PeriodStart);
        var expected = counted
            .GroupBy(a => (a.DepartmentId, a.Category))
            .ToDictionary(g => g.Key, g => ComplianceScore.Of(g.Select(a => a.Value)));
        Assert.Equal(3 * answers.Select(a => a.Category).Distinct().Count(), expected.Count);

        ComplianceReport.Figures figures;
        using (var scope = app.Services.CreateScope())
        {
            figures = await scope.ServiceProvider.GetRequiredService<ComplianceReport>()
                .RunAsync(new ReportFilter(ReportPeriod.Range(first, latest.AddMonths(1).AddDays(-1)), DivisionId: departments.Single(d => d.ParentId is null).Id));
        }

        foreach (var (key, score) in expected)
        {
            Assert.Equal(score, figures.CellOf(key.DepartmentId, key.Category).Now);
        }

        Assert.Equal(expected.Values.Aggregate(ComplianceScore.Empty, (a, b) => a + b), figures.Overall);
        Assert.Equal(3, figures.Inspections.Count);
        Assert.Equal(33, figures.Inspections.Values.Sum(c => c.OnTime + c.Late));

        // The dashboard page for the fiscal year of the last handed-in month shows the same overall score.
        var year = ReportPeriod.FiscalYearOf(latest.AddMonths(-1), 4);
        var fiscal = ReportPeriod.FiscalYear(year, 4);
        var overall = ComplianceScore.Of(counted.Where(a => a.PeriodStart >= fiscal.Start && a.PeriodStart <= fiscal.End).Select(a => a.Value));
        var (client, _) = await app.SignInAsNewAsync(Roles.Management);
        var page = await client.GetPageAsync($"/Dashboard?period=FY{year}&division={departments.Single(d => d.ParentId is null).Id}");
        Assert.Equal((overall.Value!.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", page.QuerySelector("[data-testid=overall]")!.TextContent.Trim().Split(' ')[0]);
    }
}
