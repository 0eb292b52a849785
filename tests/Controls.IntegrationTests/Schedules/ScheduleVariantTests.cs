using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Schedules;

/// <summary>
/// A schedule chooses the standard or the simplified (small-business) variant, and a department or
/// contractor added mid-period gets this period's inspection from the schedule's page.
/// </summary>
public class ScheduleVariantTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private async Task<Dictionary<string, Guid>> CatalogsAsync()
    {
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        return await app.QueryAsync(db => db.Catalogs.ToDictionaryAsync(c => c.Key, c => c.Id));
    }

    private static Dictionary<string, object> Form(Guid catalog, string targets, Guid? division, string name, bool? simplified = null)
    {
        var form = new Dictionary<string, object>
        {
            ["Input.Name"] = name,
            ["Input.CatalogId"] = catalog.ToString(),
            ["Input.Targets"] = targets,
            ["Input.DivisionId"] = division?.ToString() ?? "",
            ["Input.Recurrence"] = "Quarterly",
            ["Input.DueDays"] = "14",
            ["Input.StartsOn"] = "2026-04-01",
            ["Input.TimeZone"] = "Asia/Tokyo",
        };
        if (simplified is { } value)
        {
            form["Input.Simplified"] = value ? "true" : "false";
        }

        return form;
    }

    [Fact]
    public async Task A_simplified_schedule_asks_and_scores_only_the_small_business_items()
    {
        var catalogs = await CatalogsAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var division = await app.CreateDepartmentAsync();
        var department = await app.CreateDepartmentAsync(parentId: division.Id);
        var head = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], department.Id));

        var created = await officer.SubmitFormAsync("/Schedules/Create", Form(catalogs["appi-security-measures"], "Division", division.Id, "簡易点検 " + division.Code, simplified: true));
        var details = await officer.FollowAsync(created);
        Assert.Equal("簡易(中小規模事業者)", details.QuerySelector("[data-testid=schedule-variant]")!.TextContent.Trim());
        var inspection = await app.QueryAsync(db => db.Inspections.AsNoTracking().Where(i => i.DepartmentId == department.Id).OrderByDescending(i => i.PeriodStart).FirstAsync());
        Assert.True(inspection.Simplified);

        // The form asks the small-business items only, and its progress counts those.
        var items = await app.QueryAsync(db => db.CheckItems.Where(c => c.Measure.CatalogVersionId == inspection.CatalogVersionId)
            .Select(c => new { c.Id, c.Code, c.SmallBusiness }).ToListAsync());
        var small = items.Where(i => i.SmallBusiness).ToList();
        Assert.InRange(small.Count, 1, items.Count - 1);
        var form = await head.GetPageAsync($"/Inspections/Answer/{inspection.Id}");
        Assert.Equal(small.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("[data-progress-total]")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector("[data-testid=inspection-simplified]"));
        Assert.NotNull(form.QuerySelector($"[data-testid='answer-form-{small[0].Code}']"));
        Assert.Null(form.QuerySelector($"[data-testid='answer-form-{items.First(i => !i.SmallBusiness).Code}']"));

        // Only the variant's answers count in the score, even if another item was answered somehow.
        await app.QueryAsync(async db =>
        {
            db.Answers.Add(new Answer { Id = Guid.NewGuid(), InspectionId = inspection.Id, CheckItemId = small[0].Id, Value = AnswerValue.Yes, AnsweredAt = DateTimeOffset.UtcNow });
            db.Answers.Add(new Answer { Id = Guid.NewGuid(), InspectionId = inspection.Id, CheckItemId = items.First(i => !i.SmallBusiness).Id, Value = AnswerValue.No, AnsweredAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await InspectionScores.RecomputeAsync(db, inspection.Id);
            return 0;
        });
        var scores = await app.QueryAsync(db => db.InspectionScores.Where(s => s.InspectionId == inspection.Id).ToListAsync());
        Assert.Equal(1, scores.Sum(s => s.Counted));
        Assert.Equal(1.0, scores.Sum(s => s.Points));
    }

    [Fact]
    public async Task A_schedule_stays_standard_unless_simplified_is_chosen_and_the_catalog_filters_by_variant()
    {
        var catalogs = await CatalogsAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var division = await app.CreateDepartmentAsync();
        await app.CreateDepartmentAsync(parentId: division.Id);
        var created = await officer.SubmitFormAsync("/Schedules/Create", Form(catalogs["appi-security-measures"], "Division", division.Id, "標準点検 " + division.Code));
        Assert.Equal("標準", (await officer.FollowAsync(created)).QuerySelector("[data-testid=schedule-variant]")!.TextContent.Trim());
        Assert.False(await app.QueryAsync(db => db.Inspections.AnyAsync(i => i.Schedule!.Name == "標準点検 " + division.Code && i.Simplified)));

        var version = await app.QueryAsync(db => db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync());
        var (all, withSmall) = await app.QueryAsync(async db => (
            await db.Measures.CountAsync(m => m.CatalogVersionId == version),
            await db.Measures.CountAsync(m => m.CatalogVersionId == version && m.Items.Any(i => i.SmallBusiness))));
        var standard = await officer.GetPageAsync("/Catalog?catalog=appi-security-measures");
        var simplified = await officer.GetPageAsync("/Catalog?catalog=appi-security-measures&variant=simplified");
        Assert.Equal(all, standard.QuerySelectorAll("a.list-group-item").Length);
        Assert.Equal(withSmall, simplified.QuerySelectorAll("a.list-group-item").Length);
        Assert.Equal("simplified", simplified.QuerySelector("[data-testid=variant-filter] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_department_added_mid_period_gets_this_periods_inspection_from_the_schedule_page_exactly_once()
    {
        var catalogs = await CatalogsAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var division = await app.CreateDepartmentAsync();
        await app.CreateDepartmentAsync(parentId: division.Id);
        var created = await officer.SubmitFormAsync("/Schedules/Create", Form(catalogs["appi-security-measures"], "Division", division.Id, "途中追加 " + division.Code));
        var page = created.RedirectPath();
        var scheduleId = Guid.Parse(page.Split('/')[^1]);
        Assert.Null((await officer.GetPageAsync(page)).QuerySelector("[data-testid=missing-targets]"));

        // A department is added to the division after this quarter's inspections were created.
        var late = await app.CreateDepartmentAsync(parentId: division.Id);
        var details = await officer.GetPageAsync(page);
        Assert.Contains("対象に加わったが今期の点検がない部門・委託先", details.QuerySelector("[data-testid=missing-targets]")!.TextContent);
        var target = details.QuerySelector($"[data-testid=missing-target][data-target='department:{late.Id}']")!;
        Assert.Contains(late.Code, target.TextContent);

        var done = await officer.SubmitFormAsync(details, [], $"[data-target='department:{late.Id}'] form");
        var after = await officer.FollowAsync(done);
        Assert.Contains("今期の点検を1件作成しました。", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(after.QuerySelector("[data-testid=missing-targets]"));

        // The same button again (a second tab): nothing more is created.
        var again = await officer.FollowAsync(await officer.SubmitFormAsync(details, [], $"[data-target='department:{late.Id}'] form"));
        Assert.Contains("作成する点検はありませんでした", again.QuerySelector("[role=status]")!.TextContent);
        var periods = await app.QueryAsync(db => db.Inspections.Where(i => i.ScheduleId == scheduleId).GroupBy(i => i.PeriodStart)
            .Select(g => new { g.Key, Count = g.Count(), Late = g.Count(i => i.DepartmentId == late.Id) }).ToListAsync());
        var current = periods.OrderBy(p => p.Key).Last();
        Assert.Equal(1, current.Late);
        Assert.All(periods.Where(p => p.Key != current.Key), p => Assert.Equal(0, p.Late));   // earlier periods are left alone
    }

    [Fact]
    public async Task Contractors_added_mid_period_are_all_given_this_periods_inspection_with_one_button()
    {
        var catalogs = await CatalogsAsync();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var owner = await app.CreateDepartmentAsync();
        var created = await officer.SubmitFormAsync("/Schedules/Create", Form(catalogs["appi-contractor-supervision"], "Contractors", null, "委託先点検 " + owner.Code));
        var page = created.RedirectPath();
        var scheduleId = Guid.Parse(page.Split('/')[^1]);
        var newcomers = new[] { "新規委託先A " + owner.Code, "新規委託先B " + owner.Code };
        await app.QueryAsync(async db =>
        {
            foreach (var name in newcomers)
            {
                db.Contractors.Add(new Contractor { Id = Guid.NewGuid(), Name = name, OwningDepartmentId = owner.Id, Status = ContractorStatus.Active });
            }

            return await db.SaveChangesAsync();
        });

        var details = await officer.GetPageAsync(page);
        Assert.True(details.QuerySelectorAll("[data-testid=missing-target]").Length >= 2);
        var done = await officer.SubmitFormAsync(details, [], "form:has([data-testid=create-all-missing])");
        Assert.Contains("今期の点検を", (await officer.FollowAsync(done)).QuerySelector("[role=status]")!.TextContent);
        foreach (var name in newcomers)
        {
            Assert.Equal(1, await app.QueryAsync(db => db.Inspections.CountAsync(i => i.ScheduleId == scheduleId && i.Contractor!.Name == name)));
        }

        // The contractor form says where this period's inspection comes from.
        Assert.NotNull((await officer.GetPageAsync("/Contractors/Create")).QuerySelector("[data-testid=current-period-hint] a[href='/Schedules']"));
    }
}
