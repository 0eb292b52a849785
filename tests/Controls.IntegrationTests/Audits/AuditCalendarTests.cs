using System.Globalization;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Audits;

/// <summary>The calendar's month grid: Monday-first weeks, today marked, audits and inspections on their days, filters kept in every link.</summary>
public class AuditCalendarTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static List<string> On(IDocument page, string date, string kind = "audit") =>
        page.QuerySelectorAll($"[data-testid=calendar-day][data-date='{date}'] [data-testid=grid-entry][data-kind={kind}]").Select(e => e.GetAttribute("data-id")!).ToList();

    [Fact]
    public async Task The_month_grid_shows_an_audit_on_each_day_of_its_window_and_honours_the_filters()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var other = await app.CreateDepartmentAsync();
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var auditId = (await PlanAsync(officer, AuditForm("月表示 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [department.Id],
            start: new DateOnly(2026, 10, 5), end: new DateOnly(2026, 10, 7)))).ToString();

        // October 2026 starts on a Thursday: the grid runs Monday 28 September to Sunday 1 November (month by default).
        var october = await officer.GetPageAsync("/Audits/Calendar?Month=2026-10");
        var days = october.QuerySelectorAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")!).ToList();
        Assert.Equal(35, days.Count);
        Assert.Equal("2026-09-28", days[0]);
        Assert.Equal("2026-11-01", days[^1]);
        Assert.Equal(DayOfWeek.Monday, DateOnly.ParseExact(days[7], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek);
        Assert.Equal("月", october.QuerySelector("[data-testid=calendar-grid] th")!.TextContent.Trim());
        foreach (var day in new[] { "2026-10-05", "2026-10-06", "2026-10-07" })
        {
            Assert.Equal([auditId], On(october, day));
        }

        Assert.Empty(On(october, "2026-10-04"));
        Assert.Empty(On(october, "2026-10-08"));

        // Filters: by auditor and by department, carried by the previous/next and view links.
        var byLead = await officer.GetPageAsync($"/Audits/Calendar?Month=2026-10&Auditor={lead.Id}&Department={department.Id}");
        Assert.Equal([auditId], On(byLead, "2026-10-06"));
        var next = byLead.QuerySelector("[data-testid=next-month]")!.GetAttribute("href")!;
        Assert.Contains("Month=2026-11", next);
        Assert.Contains($"Auditor={lead.Id}", next);
        Assert.Contains($"Department={department.Id}", next);
        Assert.Contains("view=month", next);
        var list = byLead.QuerySelector("[data-testid=list-view]")!.GetAttribute("href")!;
        Assert.Contains("view=list", list);
        Assert.Contains($"Auditor={lead.Id}", list);
        Assert.Contains("Month=2026-10", list);
        Assert.Equal([auditId], (await officer.GetPageAsync(list)).QuerySelectorAll("[data-testid=calendar-entry]").Select(e => e.GetAttribute("data-id")!));
        Assert.Empty(On(await officer.GetPageAsync($"/Audits/Calendar?Month=2026-10&Auditor={Guid.NewGuid()}"), "2026-10-06"));
        Assert.Empty(On(await officer.GetPageAsync($"/Audits/Calendar?Month=2026-10&Department={other.Id}"), "2026-10-06"));
        Assert.Empty((await officer.GetPageAsync($"/Audits/Calendar?Month=2026-11&Auditor={lead.Id}")).QuerySelectorAll("[data-testid=grid-entry]"));

        // Scoped: the audited department's head sees it, another head does not.
        Assert.Equal([auditId], On(await head.GetPageAsync("/Audits/Calendar?Month=2026-10"), "2026-10-06"));
        var (_, _, strangerHead) = await app.DepartmentWithHeadAsync();
        Assert.Empty(On(await strangerHead.GetPageAsync("/Audits/Calendar?Month=2026-10"), "2026-10-06"));

        // This month: today is marked; an inspection due shows on its due day.
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var due = await app.QueryAsync(db => db.Inspections.Where(i => i.Id == inspection.Id).Select(i => i.DueOn).SingleAsync());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        var thisMonth = await officer.GetPageAsync("/Audits/Calendar");
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(thisMonth.QuerySelectorAll("[aria-current=date]")).GetAttribute("data-date"));
        var dueMonth = await officer.GetPageAsync($"/Audits/Calendar?Month={due:yyyy-MM}&Department={department.Id}");
        Assert.Equal([inspection.Id.ToString()], On(dueMonth, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "inspection"));
    }
}
