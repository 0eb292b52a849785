using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// A simplified-variant (small-business) inspection in the reports: the management-review
/// workbook scores it on the variant's items only, and the published statement's honesty check
/// neither takes it as evidence for a measure the variant leaves out nor lets it hide what the
/// department's last standard inspection said about that measure. (Its own database: one measure
/// is taken out of the simplified variant, as a compliance officer may do in the catalog.)
/// </summary>
public class SimplifiedVariantReportTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    /// <summary>TEC-2 has items of both variants; TEC-4 is made standard-only here (the simplified variant leaves it out).</summary>
    private const string Mixed = "TEC-2";
    private const string LeftOut = "TEC-4";

    private async Task LeaveOutOfTheSimplifiedVariantAsync(string measureCode)
    {
        await using var db = app.Db();
        await db.CheckItems.Where(c => c.Measure.Code == measureCode && c.Measure.CatalogVersion.Catalog.Key == InspectionApp.CatalogKey)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SmallBusiness, false));
    }

    private async Task<Department> NamedDepartmentAsync(string name)
    {
        var department = await app.CreateDepartmentAsync();
        await using var db = app.Db();
        await db.Departments.Where(d => d.Id == department.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NameJa, name).SetProperty(d => d.NameEn, name));
        department.NameJa = name;
        return department;
    }

    /// <summary>
    /// An accepted inspection of the quarter starting on <paramref name="start"/>, every item of the
    /// given measures answered: small-business items with <paramref name="small"/>, the others with
    /// <paramref name="others"/> (for a simplified inspection those are answers the form never asks;
    /// stored directly, as an earlier variant or an import might have left them).
    /// </summary>
    private async Task<Inspection> AcceptedAsync(Guid departmentId, DateOnly start, bool simplified, AnswerValue small, AnswerValue others, params string[] measures)
    {
        await using var db = app.Db();
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == InspectionApp.CatalogKey).OrderByDescending(v => v.Number).FirstAsync();
        var items = await db.CheckItems.Where(c => c.Measure.CatalogVersionId == version.Id && measures.Contains(c.Measure.Code))
            .Select(c => new { c.Id, c.SmallBusiness }).ToListAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            DepartmentId = departmentId,
            TargetKey = Inspection.DepartmentTarget(departmentId),
            Simplified = simplified,
            PeriodStart = start,
            PeriodEnd = start.AddMonths(3).AddDays(-1),
            DueOn = start.AddMonths(3).AddDays(13),
            Status = InspectionStatus.Accepted,
            CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow,
            ReviewedAt = DateTimeOffset.UtcNow,
            Answers = items.Select(c => new Answer { Id = Guid.NewGuid(), CheckItemId = c.Id, Value = c.SmallBusiness ? small : others, AnsweredAt = DateTimeOffset.UtcNow }).ToList(),
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        await InspectionScores.RecomputeAsync(db, inspection.Id);
        return inspection;
    }

    [Fact]
    public async Task The_workbook_scores_a_simplified_inspection_on_the_small_business_items_only()
    {
        var simplified = await NamedDepartmentAsync("簡易点検部");
        var standard = await NamedDepartmentAsync("標準点検部");
        var q1 = new DateOnly(2026, 4, 1);
        // The same answers in both: the small-business items "yes", the others "no".
        await AcceptedAsync(simplified.Id, q1, simplified: true, AnswerValue.Yes, AnswerValue.No, Mixed);
        await AcceptedAsync(standard.Id, q1, simplified: false, AnswerValue.Yes, AnswerValue.No, Mixed);
        var (small, all) = await app.QueryAsync(async db => (
            await db.CheckItems.CountAsync(c => c.Measure.Code == Mixed && c.SmallBusiness && c.Measure.CatalogVersion.Catalog.Key == InspectionApp.CatalogKey),
            await db.CheckItems.CountAsync(c => c.Measure.Code == Mixed && c.Measure.CatalogVersion.Catalog.Key == InspectionApp.CatalogKey)));
        Assert.InRange(small, 1, all - 1);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        double? ScoreOf(Dictionary<string, List<object?[]>> workbook) =>
            (double?)DashboardTests.DataRows(workbook["自己点検"], "本部").Single()[10];
        var simplifiedBook = DashboardTests.Read(await officer.GetByteArrayAsync($"/Dashboard?handler=Workbook&period=2026Q1&department={simplified.Id}"));
        var standardBook = DashboardTests.Read(await officer.GetByteArrayAsync($"/Dashboard?handler=Workbook&period=2026Q1&department={standard.Id}"));
        Assert.Equal(1.0, ScoreOf(simplifiedBook));
        Assert.Equal((double)small / all, ScoreOf(standardBook)!.Value, 6);

        // The dashboard's figure for the department is the same score.
        var dashboard = await officer.GetPageAsync($"/Dashboard?period=2026Q1&department={simplified.Id}");
        Assert.Contains("100", dashboard.QuerySelector($"[data-testid=heatmap-row][data-department='{simplified.Code}']")!.TextContent);
    }

    [Fact]
    public async Task The_statement_takes_a_simplified_inspection_as_evidence_only_for_the_measures_and_items_of_its_variant()
    {
        await LeaveOutOfTheSimplifiedVariantAsync(LeftOut);
        // One department: a standard inspection that answered the left-out measure "no", then a later
        // simplified one that answered the small-business items "yes" (and, out of its variant, the rest "yes" too).
        var switched = await NamedDepartmentAsync("簡易へ移行した部" + Guid.NewGuid().ToString("N")[..4]);
        await AcceptedAsync(switched.Id, new DateOnly(2026, 4, 1), simplified: false, AnswerValue.Yes, AnswerValue.No, Mixed, LeftOut);
        await AcceptedAsync(switched.Id, new DateOnly(2026, 7, 1), simplified: true, AnswerValue.Yes, AnswerValue.Yes, Mixed, LeftOut);
        // Another: only simplified inspections, whose out-of-variant "no" on the mixed measure does not count.
        var small = await NamedDepartmentAsync("簡易のみの部" + Guid.NewGuid().ToString("N")[..4]);
        await AcceptedAsync(small.Id, new DateOnly(2026, 7, 1), simplified: true, AnswerValue.Yes, AnswerValue.No, Mixed, LeftOut);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var page = await officer.GetPageAsync("/Statement");
        var mixed = page.QuerySelector($"[data-testid=measure-row][data-measure={Mixed}]")!.TextContent;
        var leftOut = page.QuerySelector($"[data-testid=measure-row][data-measure={LeftOut}]")!.TextContent;

        // The mixed measure: both departments' latest (simplified) inspections count on their small-business
        // items, all "yes": neither is named as having answered "no".
        Assert.DoesNotContain(switched.NameJa, mixed);
        Assert.DoesNotContain(small.NameJa, mixed);
        Assert.DoesNotContain(page.QuerySelectorAll($"[data-testid=warning][data-measure={Mixed}]"), w => w.TextContent.Contains(small.NameJa) || w.TextContent.Contains(switched.NameJa));
        // The left-out measure: the simplified inspections are no evidence for it; the department that
        // switched is still named for the "no" of its last standard inspection, and the other is not counted.
        Assert.Contains("0/1(", leftOut);
        Assert.Contains(switched.NameJa, leftOut);
        Assert.DoesNotContain(small.NameJa, leftOut);
        var warning = Assert.Single(page.QuerySelectorAll($"[data-testid=warning][data-measure={LeftOut}]"));
        Assert.Contains(switched.NameJa, warning.TextContent);
    }
}
