using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>
/// Who sees and changes which inspection: a department's head and delegates their own (others' are
/// 404, never revealed); those who see all departments read everything but cannot answer (403).
/// </summary>
public class InspectionAccessTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Fact]
    public async Task A_department_head_can_neither_see_nor_change_another_departments_inspection()
    {
        var (own, _, _) = await app.DepartmentWithHeadAsync();
        var theirs = await app.CreateInspectionAsync(own.Id, "POL-1");
        var item = (await app.ItemsAsync(theirs))["POL-1.1"];
        var (_, _, otherHead) = await app.DepartmentWithHeadAsync();
        var url = InspectionForms.Url(theirs.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync(url)).StatusCode);
        var list = await otherHead.GetPageAsync("/Inspections?View=all");
        Assert.DoesNotContain(theirs.Id.ToString(), list.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));

        var saved = await PostAsync(otherHead, url, "SaveAnswer", new() { ["itemId"] = item.ToString(), ["value"] = "Yes", ["comment"] = "", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
        var submitted = await PostAsync(otherHead, url, "Submit", new() { ["signOff"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherHead.GetAsync("/Inspections/Review/Decide/" + theirs.Id)).StatusCode);

        var stored = await app.ReloadAsync(theirs.Id);
        Assert.Equal(InspectionStatus.NotStarted, stored.Status);
        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == theirs.Id)));
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Management)]
    [InlineData(Roles.ComplianceOfficer)]
    public async Task Those_who_see_all_departments_read_an_inspection_but_cannot_answer_it(string role)
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var item = (await app.ItemsAsync(inspection))["POL-1.1"];
        await head.AnswerAsync(inspection.Id, "POL-1.2", "Yes", "周知済み。");
        var (reader, _) = await app.SignInAsNewAsync(role);
        var url = InspectionForms.Url(inspection.Id);

        var page = await reader.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));
        Assert.Null(page.QuerySelector("[data-testid^=answer-form]"));
        Assert.Null(page.QuerySelector("[data-testid=submit-form]"));
        Assert.Contains("周知済み。", page.QuerySelector("[data-testid='item-POL-1.2']")!.TextContent);
        var list = await reader.GetPageAsync("/Inspections?Department=" + department.Id);
        Assert.Contains(inspection.Id.ToString(), list.QuerySelectorAll("[data-testid=inspection-row]").Select(r => r.GetAttribute("data-id")));

        // Posting anyway is forbidden (403): they may read it, so it is not hidden from them.
        var saved = await PostAsync(reader, url, "SaveAnswer", new() { ["itemId"] = item.ToString(), ["value"] = "Yes", ["comment"] = "", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        var uploaded = await PostAsync(reader, url, "SaveAction", new() { ["itemId"] = item.ToString(), ["action"] = "x", ["dueOn"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, uploaded.StatusCode);
        var submitted = await PostAsync(reader, url, "Submit", new() { ["signOff"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Answers.AnyAsync(a => a.InspectionId == inspection.Id && a.CheckItemId == item)));
    }

    [Fact]
    public async Task A_user_without_a_role_or_delegation_sees_no_inspections()
    {
        var (department, _, _) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        var member = await app.SignInAsync(await app.CreateUserAsync([], department.Id));
        var list = await member.GetPageAsync("/Inspections");
        Assert.NotNull(list.QuerySelector("[data-testid=nothing-to-answer]"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(InspectionForms.Url(inspection.Id))).StatusCode);
    }

    [Fact]
    public async Task Delegates_are_named_among_the_active_members_of_the_heads_own_department_and_removed_again()
    {
        var (department, _, head) = await app.DepartmentWithHeadAsync();
        var member = await app.CreateUserAsync([], department.Id);
        var outsider = await app.CreateUserAsync([], (await app.CreateDepartmentAsync()).Id);
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");

        var page = await head.GetPageAsync("/Inspections/Delegates");
        var choices = page.QuerySelectorAll("[data-testid=add-delegate] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(member.Id.ToString(), choices);
        Assert.DoesNotContain(outsider.Id.ToString(), choices);

        var refused = await head.SubmitFormAsync(page, new() { ["userId"] = outsider.Id.ToString() }, "[data-testid=add-delegate]");
        Assert.Contains("代理回答者は、あなたの部門の有効なユーザーから選んでください。", await HttpForms.ErrorsAsync(refused));
        Assert.False(await app.QueryAsync(db => db.DepartmentDelegates.AnyAsync(d => d.UserId == outsider.Id)));

        await head.SubmitFormAsync(page, new() { ["userId"] = member.Id.ToString() }, "[data-testid=add-delegate]");
        var helper = await app.SignInAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, (await helper.AnswerAsync(inspection.Id, "POL-1.1", "Yes")).StatusCode);

        var removed = await head.SubmitFormAsync("/Inspections/Delegates", [], "[data-testid=delegate-row] form");
        Assert.Equal("/Inspections/Delegates", removed.RedirectPath());
        Assert.False(await app.QueryAsync(db => db.DepartmentDelegates.AnyAsync(d => d.UserId == member.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync(InspectionForms.Url(inspection.Id))).StatusCode);

        // Delegates do not manage delegates.
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync("/Inspections/Delegates")).StatusCode);
    }

    /// <summary>A POST with the user's own antiforgery token, from a page they can open (the list).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, object> values)
    {
        var list = await client.GetPageAsync("/Inspections");
        return await client.SubmitFormAsync(list, values, "#language-switch", $"{url}?handler={handler}");
    }
}
