using System.Net;
using Controls.IntegrationTests.Infrastructure;
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, object> values)
    {
        var list = await client.GetPageAsync("/Inspections");
        return await client.SubmitFormAsync(list, values, "#language-switch", $"{url}?handler={handler}");
    }
}
