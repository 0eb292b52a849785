using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Schedules;
using Controls.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Schedules;

/// <summary>Periods become inspections exactly once, at the right instants in Asia/Tokyo, with catch-up.</summary>
public class ScheduleGenerationTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static DateTimeOffset Tokyo(string local) => DateTimeOffset.Parse(local + "+09:00", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(int Exit, string Output)> GenerateAsync(DateTimeOffset asOf)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["inspections", "generate", "--as-of", asOf.ToString("yyyy-MM-ddTHH:mmzzz", System.Globalization.CultureInfo.InvariantCulture)],
            new StringReader(""), output, new StringWriter());
        return (exit, output.ToString());
    }

    /// <summary>A division with three departments (one retired), and a schedule for it.</summary>
    private async Task<(InspectionSchedule Schedule, List<Department> Departments)> ArrangeAsync(
        ScheduleRecurrence recurrence, string starts, string? ends = null, ScheduleTargets targets = ScheduleTargets.Division)
    {
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        var division = await app.CreateDepartmentAsync();
        var departments = new List<Department> { await app.CreateDepartmentAsync(parentId: division.Id), await app.CreateDepartmentAsync(parentId: division.Id) };
        var retired = await app.CreateDepartmentAsync(parentId: division.Id);
        await using var db = app.Db();
        await db.Departments.Where(d => d.Id == retired.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.RetiredAt, DateTimeOffset.UtcNow));
        var catalogKey = targets == ScheduleTargets.Contractors ? "appi-contractor-supervision" : "appi-security-measures";
        var schedule = new InspectionSchedule
        {
            Id = Guid.NewGuid(),
            Name = "四半期点検 " + division.Code,
            CatalogId = await db.Catalogs.Where(c => c.Key == catalogKey).Select(c => c.Id).SingleAsync(),
            Targets = targets,
            DivisionId = division.Id,
            Recurrence = recurrence,
            DueDays = 14,
            StartsOn = DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture),
            EndsOn = ends is null ? null : DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
            TimeZone = "Asia/Tokyo",
            Status = ScheduleStatus.Active,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.InspectionSchedules.Add(schedule);
        await db.SaveChangesAsync();
        return (schedule, departments);
    }

    private Task<List<Inspection>> InspectionsAsync(Guid scheduleId) =>
        app.QueryAsync(db => db.Inspections.Where(i => i.ScheduleId == scheduleId).OrderBy(i => i.PeriodStart).ThenBy(i => i.TargetKey).ToListAsync());

    [Fact]
    public async Task A_quarter_is_generated_at_Tokyo_midnight_once_per_department_and_pinned_to_the_current_version()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Quarterly, "2027-04-01");

        Assert.Empty(await InspectionsAsync(schedule.Id));
        await GenerateAsync(Tokyo("2027-03-31T23:59"));
        Assert.Empty(await InspectionsAsync(schedule.Id));

        var (exit, output) = await GenerateAsync(Tokyo("2027-04-01T00:00"));
        Assert.Equal(0, exit);
        var created = await InspectionsAsync(schedule.Id);
        Assert.Equal(departments.Select(d => d.Id).Order(), created.Select(i => i.DepartmentId).Order());   // not the division, not the retired one
        Assert.All(created, i =>
        {
            Assert.Equal(new DateOnly(2027, 4, 1), i.PeriodStart);
            Assert.Equal(new DateOnly(2027, 6, 30), i.PeriodEnd);
            Assert.Equal(new DateOnly(2027, 4, 15), i.DueOn);
            Assert.Equal(InspectionStatus.NotStarted, i.Status);
        });
        var version = await app.QueryAsync(db => db.CatalogVersions.Where(v => v.Catalog.Key == "appi-security-measures").OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync());
        Assert.All(created, i => Assert.Equal(version, i.CatalogVersionId));
        Assert.Matches(@"Created \d+ inspections; \d+ already existed\.", output);

        var again = await GenerateAsync(Tokyo("2027-04-01T00:05"));
        Assert.Contains("Created 0 inspections", again.Output);
        Assert.Equal(2, (await InspectionsAsync(schedule.Id)).Count);
    }

    [Fact]
    public async Task Doubled_firing_from_two_nodes_never_duplicates()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Monthly, "2026-04-01");
        var asOf = Tokyo("2026-06-10T08:00");
        var runs = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<GenerateDueInspections>().RunAsync(asOf);
        });
        await Task.WhenAll(runs);
        var inspections = await InspectionsAsync(schedule.Id);
        Assert.Equal(3 * departments.Count, inspections.Count);   // April, May, June
        Assert.Equal(inspections.Count, inspections.Select(i => (i.TargetKey, i.PeriodStart)).Distinct().Count());
    }

    [Fact]
    public async Task After_downtime_every_missed_period_is_created_not_just_the_latest()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Monthly, "2026-04-01");
        await GenerateAsync(Tokyo("2026-04-02T09:00"));
        Assert.Equal(departments.Count, (await InspectionsAsync(schedule.Id)).Count);

        // The app was down from April to the middle of September.
        await GenerateAsync(Tokyo("2026-09-15T09:00"));
        var months = (await InspectionsAsync(schedule.Id)).Select(i => i.PeriodStart.Month).Distinct().Order();
        Assert.Equal([4, 5, 6, 7, 8, 9], months);
    }

    [Fact]
    public async Task The_end_date_stops_generation()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Monthly, "2026-04-01", ends: "2026-05-31");
        await GenerateAsync(Tokyo("2026-12-01T00:00"));
        Assert.Equal([4, 5], (await InspectionsAsync(schedule.Id)).Select(i => i.PeriodStart.Month).Distinct().Order());
    }

    [Fact]
    public async Task Periods_that_begin_while_paused_are_skipped_and_resuming_generates_the_current_one()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Quarterly, "2026-04-01");
        await GenerateAsync(Tokyo("2026-04-01T00:00"));

        using (var scope = app.Services.CreateScope())
        {
            var version = await app.QueryAsync(db => db.InspectionSchedules.Where(s => s.Id == schedule.Id).Select(s => s.Version).SingleAsync());
            Assert.Equal(ScheduleLifecycle.Outcome.Done, await scope.ServiceProvider.GetRequiredService<ScheduleLifecycle>().PauseAsync(schedule.Id, version));
        }

        await GenerateAsync(Tokyo("2026-07-15T00:00"));
        Assert.Equal([4], (await InspectionsAsync(schedule.Id)).Select(i => i.PeriodStart.Month).Distinct());

        // Resumed on 2026-11-21 (as ScheduleLifecycle.ResumeAsync does on that day): everything before the current quarter counts as done.
        await using (var db = app.Db())
        {
            var paused = await db.InspectionSchedules.SingleAsync(s => s.Id == schedule.Id);
            Assert.Null(paused.Resume(new DateOnly(2026, 11, 21), 4));
            Assert.Equal(new DateOnly(2026, 9, 30), paused.GeneratedThrough);
            await db.SaveChangesAsync();
        }

        await GenerateAsync(Tokyo("2026-11-21T10:00"));
        Assert.Equal([4, 10], (await InspectionsAsync(schedule.Id)).Select(i => i.PeriodStart.Month).Distinct().Order());
    }

    [Fact]
    public async Task A_department_created_later_is_included_from_the_next_period()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Quarterly, "2026-04-01");
        await GenerateAsync(Tokyo("2026-04-01T00:00"));
        var newcomer = await app.CreateDepartmentAsync(parentId: schedule.DivisionId);
        await GenerateAsync(Tokyo("2026-05-01T00:00"));
        Assert.DoesNotContain(await InspectionsAsync(schedule.Id), i => i.DepartmentId == newcomer.Id);
        await GenerateAsync(Tokyo("2026-07-01T00:00"));
        Assert.Contains(await InspectionsAsync(schedule.Id), i => i.DepartmentId == newcomer.Id && i.PeriodStart.Month == 7);
    }

    [Fact]
    public async Task A_contractor_schedule_gives_each_active_contractor_an_inspection_answered_by_its_owning_department()
    {
        var (schedule, departments) = await ArrangeAsync(ScheduleRecurrence.Annual, "2026-04-01", targets: ScheduleTargets.Contractors);
        Contractor active, terminated;
        await using (var db = app.Db())
        {
            active = new Contractor { Id = Guid.NewGuid(), Name = "さくらデータ株式会社", OwningDepartmentId = departments[0].Id, Countries = ["JP"], CreatedAt = DateTimeOffset.UtcNow };
            terminated = new Contractor { Id = Guid.NewGuid(), Name = "旧委託先", OwningDepartmentId = departments[1].Id, Countries = ["JP"], Status = ContractorStatus.Terminated, CreatedAt = DateTimeOffset.UtcNow };
            db.Contractors.AddRange(active, terminated);
            await db.SaveChangesAsync();
        }

        await GenerateAsync(Tokyo("2026-04-01T00:00"));
        var inspections = await InspectionsAsync(schedule.Id);
        var mine = Assert.Single(inspections, i => i.ContractorId == active.Id);
        Assert.Equal(departments[0].Id, mine.DepartmentId);
        Assert.DoesNotContain(inspections, i => i.ContractorId == terminated.Id);
    }

    [Fact]
    public async Task The_generation_job_is_scheduled_every_five_minutes_and_runs_in_the_real_server()
    {
        var recurring = app.RecurringJob(GenerateInspectionsJob.Name);
        Assert.Equal("*/5 * * * *", recurring.Cron);
        Assert.NotNull(recurring.NextExecution);

        var run = await app.RunJobNowAsync(GenerateInspectionsJob.Name);
        Assert.True(run.Succeeded, run.Message);
        Assert.StartsWith("created: ", run.Message);
    }

    [Fact]
    public async Task A_malformed_as_of_exits_2()
    {
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["inspections", "generate", "--as-of", "next tuesday"], new StringReader(""), new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("2027-04-01T00:00+09:00", error.ToString());
    }
}
