using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// The annual audit programme is prepared by the audit lead, who asks for approval, and approved by
/// management (never by whoever prepared it): who approved and when shows on the programme and the
/// audit list; nobody else approves, nothing is approved twice, and an empty programme is not approved.
/// Each test plans in a fiscal year of its own (one programme per year).
/// </summary>
public class AuditProgrammeApprovalTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private static string Url(int year) => $"/Audits/Programme?Year={year}";

    private async Task<(HttpClient Officer, AppUser OfficerUser)> PlannedYearAsync(int year)
    {
        var (officer, officerUser) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, _, _) = await app.DepartmentWithHeadAsync();
        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var start = new DateOnly(year, 6, 1);
        await AuditTests.PlanAsync(officer, AuditTests.AuditForm("年度監査 " + Guid.NewGuid().ToString("N")[..6], lead.Id, [sales.Id], start: start, end: start.AddDays(10)));
        return (officer, officerUser);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string button, AngleSharp.Dom.IDocument page) =>
        client.SubmitFormAsync(page, [], $"form:has([data-testid=programme-{button}])");

    private Task<AuditProgramme> ProgrammeAsync(int year) => app.QueryAsync(db => db.AuditProgrammes.AsNoTracking().SingleAsync(p => p.FiscalYear == year));

    [Fact]
    public async Task The_audit_lead_asks_for_approval_management_is_notified_approves_and_the_approval_shows_with_who_and_when()
    {
        const int year = 2031;
        var (officer, officerUser) = await PlannedYearAsync(year);
        var (executive, executiveUser) = await app.SignInAsNewAsync(Roles.Management);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == executiveUser.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "山田 社長")));

        var asked = await PostAsync(officer, "submit", await officer.GetPageAsync(Url(year)));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var notice = await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == executiveUser.Id && n.Kind == "audit-programme"));
        Assert.Contains("2031年度の監査計画", notice.Subject);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync(notice.Link)).StatusCode);

        var page = await executive.GetPageAsync(notice.Link);
        Assert.Equal("承認待ち", page.QuerySelector("[data-testid=programme-submitted]")!.TextContent);
        var approved = await PostAsync(executive, "approve", page);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var programme = await ProgrammeAsync(year);
        Assert.Equal(AuditProgrammeStatus.Approved, programme.Status);
        Assert.Equal(executiveUser.Id, programme.ApprovedById);
        Assert.Equal(officerUser.Id, programme.SubmittedById);
        var shown = await officer.GetPageAsync(Url(year));
        Assert.Equal("承認済み", shown.QuerySelector("[data-testid=programme-status]")!.TextContent);
        Assert.Equal("山田 社長", shown.QuerySelector("[data-testid=programme-approved-by]")!.TextContent);
        // In the organisation's zone (Asia/Tokyo): the stored UTC instant plus nine hours.
        var local = programme.ApprovedAt!.Value.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(local, shown.QuerySelector("[data-testid=programme-approved-at]")!.TextContent);
        var index = await officer.GetPageAsync($"/Audits?Year={year}");
        Assert.Contains("承認者: 山田 社長", index.QuerySelector("[data-testid=programme-approval]")!.TextContent);
        Assert.Contains(local, index.QuerySelector("[data-testid=programme-approval]")!.TextContent);
    }

    [Fact]
    public async Task Nobody_but_management_approves_and_a_refused_approval_changes_nothing()
    {
        const int year = 2032;
        var (officer, _) = await PlannedYearAsync(year);
        var (_, _, head) = await app.DepartmentWithHeadAsync();
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        foreach (var client in new[] { officer, head, auditor })
        {
            var page = await client.GetPageAsync(Url(year));
            Assert.Null(page.QuerySelector("[data-testid=programme-approve]"));
            var before = await ProgrammeAsync(year);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync(Url(year) + "&handler=Approve",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
            var refused = await HttpForms.ParseAsync(response);
            Assert.Equal("監査計画を承認できるのは経営層だけです。", refused.QuerySelector("[data-testid=programme-refusal]")!.TextContent);
            var after = await ProgrammeAsync(year);
            Assert.Equal((AuditProgrammeStatus.Draft, (Guid?)null, before.Version), (after.Status, after.ApprovedById, after.Version));
        }
    }

    [Fact]
    public async Task A_programme_is_approved_once_and_whoever_prepared_it_cannot_approve_it()
    {
        const int year = 2033;
        var (officer, officerUser) = await PlannedYearAsync(year);
        // A compliance officer who is also on the board planned the audit: not theirs to approve.
        await app.QueryAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Management);
            db.UserRoles.Add(new() { UserId = officerUser.Id, RoleId = role.Id });
            return await db.SaveChangesAsync();
        });
        var preparer = await app.SignInAsync(officerUser);
        var own = await PostAsync(preparer, "approve", await preparer.GetPageAsync(Url(year)));
        Assert.Equal("監査計画の承認を依頼した人、またはその監査を計画した人は承認できません。",
            (await HttpForms.ParseAsync(own)).QuerySelector("[data-testid=programme-refusal]")!.TextContent);
        Assert.Equal(AuditProgrammeStatus.Draft, (await ProgrammeAsync(year)).Status);

        var (executive, executiveUser) = await app.SignInAsNewAsync(Roles.Management);
        var stale = await executive.GetPageAsync(Url(year));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(executive, "approve", stale)).StatusCode);
        var approved = await ProgrammeAsync(year);

        // Twice: from the page opened before (its button still there), and by a second executive.
        var again = await PostAsync(executive, "approve", stale);
        Assert.NotNull((await HttpForms.ParseAsync(again)).QuerySelector("[data-testid=programme-refusal]"));
        var (second, _) = await app.SignInAsNewAsync(Roles.Management);
        var secondPage = await second.GetPageAsync(Url(year));
        Assert.Null(secondPage.QuerySelector("[data-testid=programme-approve]"));
        var token = secondPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var twice = await second.PostAsync(Url(year) + "&handler=Approve",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", approved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal("この監査計画はすでに承認されています。", (await HttpForms.ParseAsync(twice)).QuerySelector("[data-testid=programme-refusal]")!.TextContent);
        var after = await ProgrammeAsync(year);
        Assert.Equal((executiveUser.Id, approved.ApprovedAt, approved.Version), (after.ApprovedById!.Value, after.ApprovedAt, after.Version));
    }

    [Fact]
    public async Task An_empty_programme_is_not_approved_and_a_new_audit_sends_an_approved_one_back_to_draft()
    {
        const int year = 2034;
        var (officer, _) = await PlannedYearAsync(year);
        var programme = await ProgrammeAsync(year);
        await app.QueryAsync(async db =>
        {
            var audits = await db.Audits.Where(a => a.ProgrammeId == programme.Id).ToListAsync();
            db.Audits.RemoveRange(audits);
            return await db.SaveChangesAsync();
        });
        var (executive, _) = await app.SignInAsNewAsync(Roles.Management);
        var empty = await PostAsync(executive, "approve", await executive.GetPageAsync(Url(year)));
        Assert.Equal("監査が1件もない監査計画は承認できません。先に監査を計画してください。",
            (await HttpForms.ParseAsync(empty)).QuerySelector("[data-testid=programme-refusal]")!.TextContent);
        Assert.Equal(AuditProgrammeStatus.Draft, (await ProgrammeAsync(year)).Status);

        var lead = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var (sales, _, _) = await app.DepartmentWithHeadAsync();
        var start = new DateOnly(year, 7, 1);
        await AuditTests.PlanAsync(officer, AuditTests.AuditForm("一件目", lead.Id, [sales.Id], start: start, end: start.AddDays(5)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(executive, "approve", await executive.GetPageAsync(Url(year)))).StatusCode);
        Assert.Equal(AuditProgrammeStatus.Approved, (await ProgrammeAsync(year)).Status);

        await AuditTests.PlanAsync(officer, AuditTests.AuditForm("追加の監査", lead.Id, [sales.Id], start: start.AddDays(30), end: start.AddDays(35)));
        var reopened = await ProgrammeAsync(year);
        Assert.Equal((AuditProgrammeStatus.Draft, (Guid?)null), (reopened.Status, reopened.ApprovedById));
    }
}
