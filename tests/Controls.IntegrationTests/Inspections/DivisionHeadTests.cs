using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Reports;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>
/// The head of a division (a department with departments below it) reads, but does not answer, the
/// inspections, actions and figures of every department below; another division's stay hidden.
/// </summary>
public class DivisionHeadTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private sealed record Division(Department Top, AppUser Head, HttpClient Client, Department Below, Department Further, AppUser BelowHead);

    private async Task<Department> NamedDepartmentAsync(string name, Guid? parentId)
    {
        var department = await app.CreateDepartmentAsync(parentId: parentId);
        await using var db = app.Db();
        await db.Departments.Where(d => d.Id == department.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NameJa, name).SetProperty(d => d.NameEn, name));
        department.NameJa = name;
        return department;
    }

    /// <summary>A division with its head, a department below it (with its own head) and one further below that.</summary>
    private async Task<Division> DivisionAsync(string name)
    {
        var top = await NamedDepartmentAsync(name + "本部", null);
        var below = await NamedDepartmentAsync(name + "部", top.Id);
        var further = await NamedDepartmentAsync(name + "課", below.Id);
        var head = await app.CreateUserAsync([Roles.DepartmentHead], top.Id);
        var belowHead = await app.CreateUserAsync([Roles.DepartmentHead], below.Id);
        await using (var db = app.Db())
        {
            await db.Departments.Where(d => d.Id == top.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.HeadUserId, head.Id));
            await db.Departments.Where(d => d.Id == below.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.HeadUserId, belowHead.Id));
        }

        return new Division(top, head, await app.SignInAsync(head), below, further, belowHead);
    }

    /// <summary>The department filter's options for the division's head: all, then the division's departments by code.</summary>
    private static List<string?> Choices(Division division) =>
        [.. new[] { "" }.Concat(new[] { division.Top, division.Below, division.Further }.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => d.Id.ToString()))];

    private async Task<Inspection> OverdueInspectionAsync(Guid departmentId)
    {
        var inspection = await app.CreateInspectionAsync(departmentId, "POL-1");
        await using var db = app.Db();
        var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        await db.Inspections.Where(i => i.Id == inspection.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, overdue));
        return inspection;
    }

    private async Task<CorrectiveAction> ActionAsync(Guid departmentId, Guid ownerId, string text)
    {
        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            Source = CorrectiveActionSource.Inspection,
            DepartmentId = departmentId,
            Action = text,
            OwnerId = ownerId,
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
            Status = CorrectiveActionStatus.Open,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = ownerId,
        };
        await using var db = app.Db();
        db.CorrectiveActions.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    [Fact]
    public async Task A_division_head_reads_the_overdue_inspection_of_a_department_below_but_cannot_answer_or_submit_it()
    {
        var division = await DivisionAsync("管理");
        var inspection = await OverdueInspectionAsync(division.Further.Id);
        var item = (await app.ItemsAsync(inspection))["POL-1.1"];
        var url = InspectionForms.Url(inspection.Id);

        // The list names the department of each row.
        var list = await division.Client.GetPageAsync("/Inspections?View=overdue");
        var row = list.QuerySelectorAll("[data-testid=inspection-row]").Single(r => r.GetAttribute("data-id") == inspection.Id.ToString());
        Assert.Contains("管理課", row.TextContent);

        // The page opens read-only: no answer form, no sign-off.
        var page = await division.Client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));
        Assert.Null(page.QuerySelector("[data-testid^=answer-form]"));
        Assert.Null(page.QuerySelector("[data-testid=submit-form]"));

        // Posting anyway is refused and changes nothing.
        var saved = await PostAsync(division.Client, url, "SaveAnswer", new() { ["itemId"] = item.ToString(), ["value"] = "Yes", ["comment"] = "", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        var planned = await PostAsync(division.Client, url, "SaveAction", new() { ["itemId"] = item.ToString(), ["action"] = "代わりに計画", ["dueOn"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, planned.StatusCode);
        var submitted = await PostAsync(division.Client, url, "Submit", new() { ["signOff"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);
        var stored = await app.ReloadAsync(inspection.Id);
        Assert.Equal(InspectionStatus.NotStarted, stored.Status);
        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == inspection.Id)));
        Assert.False(await app.QueryAsync(db => db.CorrectiveActions.AnyAsync(a => a.InspectionId == inspection.Id)));
    }

    [Fact]
    public async Task A_division_head_reads_the_actions_and_dashboard_of_the_departments_below_and_updates_none_of_their_actions()
    {
        var division = await DivisionAsync("営業");
        var action = await ActionAsync(division.Below.Id, division.BelowHead.Id, "鍵付きキャビネットを購入する");

        var actions = await division.Client.GetPageAsync("/Actions");
        var row = actions.QuerySelectorAll("[data-testid=action-row]").Single(r => r.GetAttribute("data-id") == action.Id.ToString());
        Assert.Contains("営業部", row.TextContent);
        Assert.Null(row.QuerySelector("[data-testid=status-form]"));

        var dashboard = await division.Client.GetPageAsync("/Dashboard");
        var heatmap = dashboard.QuerySelector("[data-testid=heatmap]")!.TextContent;
        Assert.Contains("営業本部", heatmap);
        Assert.Contains("営業部", heatmap);
        Assert.Contains("営業課", heatmap);
    }

    [Fact]
    public async Task A_division_head_never_sees_another_divisions_inspections_actions_or_figures()
    {
        var mine = await DivisionAsync("事業");
        var theirs = await DivisionAsync("監査");
        var inspection = await OverdueInspectionAsync(theirs.Below.Id);
        var action = await ActionAsync(theirs.Below.Id, theirs.BelowHead.Id, "他部門の処置");

        var list = await mine.Client.GetPageAsync("/Inspections?View=all");
        Assert.DoesNotContain(inspection.Id.ToString(), list.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.GetAsync(InspectionForms.Url(inspection.Id))).StatusCode);
        var actions = await mine.Client.GetPageAsync("/Actions?Show=all");
        Assert.DoesNotContain(action.Id.ToString(), actions.QuerySelectorAll("[data-testid=action-row]").Select(r => r.GetAttribute("data-id")));
        var dashboard = await mine.Client.GetPageAsync("/Dashboard?department=" + theirs.Below.Id);
        Assert.DoesNotContain("監査", dashboard.QuerySelector("[data-testid=heatmap]")!.TextContent);
        var home = await mine.Client.GetPageAsync("/");
        Assert.DoesNotContain("監査", home.QuerySelector("main")!.TextContent);

        // The head of the department below sees theirs, not the division's own.
        var top = await app.CreateInspectionAsync(theirs.Top.Id, "POL-1");
        var below = await app.SignInAsync(theirs.BelowHead);
        Assert.Equal(HttpStatusCode.NotFound, (await below.GetAsync(InspectionForms.Url(top.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await below.GetAsync(InspectionForms.Url(inspection.Id))).StatusCode);
    }

    [Fact]
    public async Task A_division_head_sees_the_training_coverage_of_the_departments_below_filters_to_one_and_exports_what_is_shown()
    {
        var mine = await DivisionAsync("研修");
        var theirs = await DivisionAsync("法務");
        string[] Names(List<string[]> rows) => rows.Select(r => r[0]).ToArray();

        var page = await mine.Client.GetPageAsync("/Training/Coverage");
        var shown = ExportsFollowTheListTests.Shown(page, "[data-testid=coverage-table] tbody tr");
        Assert.Equal(new[] { $"{mine.Top.Code} 研修本部", $"{mine.Below.Code} 研修部", $"{mine.Further.Code} 研修課" }.Order(StringComparer.Ordinal), Names(shown));
        // The filter offers the division's departments, not another division's.
        var choices = page.QuerySelectorAll("[data-testid=filters] select[name=Department] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(Choices(mine), choices);

        var header = ExportsFollowTheListTests.Text(page.QuerySelector("[data-testid=coverage-table] th")!);
        var all = await ExportsFollowTheListTests.ExportAsync(mine.Client, page, header);
        Assert.Equal(Names(shown), Names(all.Csv));

        var one = await mine.Client.GetPageAsync($"/Training/Coverage?Department={mine.Below.Id}");
        Assert.Equal([$"{mine.Below.Code} 研修部"], Names(ExportsFollowTheListTests.Shown(one, "[data-testid=coverage-table] tbody tr")));
        var filtered = await ExportsFollowTheListTests.ExportAsync(mine.Client, one, header);
        Assert.Equal([$"{mine.Below.Code} 研修部"], Names(filtered.Csv));
        Assert.Equal([$"{mine.Below.Code} 研修部"], filtered.Xlsx.Select(r => (string)r[0]!));

        // Another division's department named in the link shows (and exports) the own division, never the other one.
        var forged = await mine.Client.GetPageAsync($"/Training/Coverage?Department={theirs.Below.Id}");
        Assert.DoesNotContain(ExportsFollowTheListTests.Shown(forged, "[data-testid=coverage-table] tbody tr"), r => r[0].Contains("法務"));
        var forgedExport = await ExportsFollowTheListTests.ExportAsync(mine.Client, forged, header);
        Assert.DoesNotContain(forgedExport.Csv, r => r[0].Contains("法務"));
        Assert.Equal(3, forgedExport.Csv.Count);
    }

    [Fact]
    public async Task A_plain_department_head_still_sees_only_their_own_departments_coverage_and_answers()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var division = await DivisionAsync("購買");
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        Assert.Equal(HttpStatusCode.Redirect, (await head.AnswerAsync(inspection.Id, "POL-1.1", "Yes", "自部門の回答")).StatusCode);

        var coverage = await head.GetPageAsync($"/Training/Coverage?Department={division.Top.Id}");
        Assert.Null(coverage.QuerySelector("[data-testid=filters]"));
        Assert.Equal([$"{department.Code} {department.NameJa}"], ExportsFollowTheListTests.Shown(coverage, "[data-testid=coverage-table] tbody tr").Select(r => r[0]));

        var answers = await head.GetPageAsync($"/Reports/Answers?Period=FY2026&Department={division.Top.Id}");
        Assert.Null(answers.QuerySelector("[data-testid=filters] select[name=Department]"));
        var rows = ExportsFollowTheListTests.Shown(answers, "[data-testid=answer-row]");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith(department.Code + " ", r[0]));
        var export = await ExportsFollowTheListTests.ExportAsync(head, answers, "部門コード");
        Assert.Equal(rows.Count, export.Csv.Count);
        Assert.All(export.Csv, r => Assert.Equal(department.Code, r[0]));
    }

    [Fact]
    public async Task A_division_head_reads_the_answers_of_the_departments_below_filters_to_one_and_exports_exactly_those()
    {
        var mine = await DivisionAsync("財務");
        var theirs = await DivisionAsync("広報");
        var below = await app.CreateInspectionAsync(mine.Below.Id, "POL-1");
        var further = await app.CreateInspectionAsync(mine.Further.Id, "POL-1");
        var other = await app.CreateInspectionAsync(theirs.Below.Id, "POL-1");
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignInAsync(mine.BelowHead)).AnswerAsync(below.Id, "POL-1.1", "Yes", "部の回答")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignInAsync(theirs.BelowHead)).AnswerAsync(other.Id, "POL-1.1", "No", "他本部の回答")).StatusCode);
        await using (var db = app.Db())
        {
            var item = (await app.ItemsAsync(further))["POL-1.1"];
            db.Answers.Add(new Answer { Id = Guid.NewGuid(), InspectionId = further.Id, CheckItemId = item, Value = AnswerValue.Partial, Comment = "課の回答", AnsweredAt = DateTimeOffset.UtcNow, AnsweredById = mine.Head.Id });
            await db.SaveChangesAsync();
        }

        var page = await mine.Client.GetPageAsync("/Reports/Answers?Period=FY2026");
        var rows = ExportsFollowTheListTests.Shown(page, "[data-testid=answer-row]");
        Assert.Contains(rows, r => r[0] == $"{mine.Below.Code} 財務部" && r[5] == "部の回答");
        Assert.Contains(rows, r => r[0] == $"{mine.Further.Code} 財務課" && r[5] == "課の回答");
        Assert.DoesNotContain(rows, r => r[0].Contains("広報") || r[5] == "他本部の回答");
        var choices = page.QuerySelectorAll("[data-testid=filters] select[name=Department] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(Choices(mine), choices);

        var one = await mine.Client.GetPageAsync($"/Reports/Answers?Period=FY2026&Department={mine.Further.Id}");
        var shown = ExportsFollowTheListTests.Shown(one, "[data-testid=answer-row]");
        Assert.Equal(["課の回答"], shown.Select(r => r[5]));
        var (csv, xlsx) = await ExportsFollowTheListTests.ExportAsync(mine.Client, one, "部門コード");
        Assert.Equal([mine.Further.Code], csv.Select(r => r[0]));
        Assert.Equal(["課の回答"], csv.Select(r => r[9]));
        Assert.Equal(["課の回答"], xlsx.Select(r => (string)r[9]!));

        // Another division's department in the link shows none of its answers.
        var forged = await mine.Client.GetPageAsync($"/Reports/Answers?Period=FY2026&Department={theirs.Below.Id}");
        Assert.Empty(forged.QuerySelectorAll("[data-testid=answer-row]"));
        var forgedCsv = await mine.Client.GetByteArrayAsync($"/Reports/Answers?handler=Export&format=csv&Period=FY2026&Department={theirs.Below.Id}");
        Assert.Single(ExportsFollowTheListTests.ParseCsv(System.Text.Encoding.UTF8.GetString(forgedCsv[3..])));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, object> values)
    {
        var list = await client.GetPageAsync("/Inspections");
        return await client.SubmitFormAsync(list, values, "#language-switch", $"{url}?handler={handler}");
    }
}
