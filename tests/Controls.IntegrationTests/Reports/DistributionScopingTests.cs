using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Reports.Distribution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// The management-review workbook covers every department, so it only goes to people who see every
/// department: the form refuses anyone else, the picker does not offer them, and the role is checked
/// again when the workbook is generated and sent and when it is downloaded.
/// </summary>
public class DistributionScopingTests(DistributionApp app) : IClassFixture<DistributionApp>
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    private async Task RunOnAsync(DateOnly day)
    {
        app.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), Tokyo));
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DistributeReports>().RunAsync(day);
    }

    private async Task ChangeRolesAsync(AppUser user, string[] remove, string[] add)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var loaded = await users.FindByIdAsync(user.Id.ToString());
        Assert.True((await users.RemoveFromRolesAsync(loaded!, remove)).Succeeded);
        Assert.True((await users.AddToRolesAsync(loaded!, add)).Succeeded);
    }

    [Fact]
    public async Task A_department_head_or_a_delegate_cannot_be_chosen_and_is_not_offered()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var delegateOnly = await app.CreateUserAsync([], department.Id);
        var manager = await app.CreateUserAsync([Roles.Management], department.Id);

        var page = await officer.GetPageAsync("/Reports/Distribution");
        var offered = page.QuerySelectorAll("#d-recipients option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(manager.Id.ToString(), offered);
        Assert.DoesNotContain(head.Id.ToString(), offered);
        Assert.DoesNotContain(delegateOnly.Id.ToString(), offered);

        foreach (var refused in new[] { head, delegateOnly })
        {
            var name = "部門長宛 " + Guid.NewGuid().ToString("N")[..6];
            var response = await officer.SubmitFormAsync(page, new()
            {
                ["name"] = name,
                ["recipientIds"] = new List<string> { manager.Id.ToString(), refused.Id.ToString() },
            }, "[data-testid=schedule-form]");
            Assert.Contains("配信先には、すべての部門を閲覧できるロール(個人情報保護管理者・内部監査員・経営層・システム管理者)の方のみ選べます。", await HttpForms.ErrorsAsync(response));
            Assert.False(await app.QueryAsync(db => db.ReportSchedules.AnyAsync(s => s.Name == name)));
        }
    }

    [Fact]
    public async Task A_recipient_who_no_longer_sees_every_department_is_not_sent_the_workbook_and_cannot_download_it()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var manager = await app.CreateUserAsync([Roles.Management], department.Id);
        var stays = await app.CreateUserAsync([Roles.Auditor], department.Id);
        var name = "役割変更 " + Guid.NewGuid().ToString("N")[..6];
        var created = await officer.SubmitFormAsync("/Reports/Distribution", new()
        {
            ["name"] = name,
            ["frequency"] = "Monthly",
            ["period"] = "PreviousPeriod",
            ["language"] = "ja",
            ["recipientIds"] = new List<string> { manager.Id.ToString(), stays.Id.ToString() },
        }, "[data-testid=schedule-form]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var schedule = await app.QueryAsync(db => db.ReportSchedules.SingleAsync(s => s.Name == name));

        await RunOnAsync(new DateOnly(2026, 8, 3));
        var july = await app.QueryAsync(db => db.ReportDeliveries.SingleAsync(d => d.ScheduleId == schedule.Id));
        var managerClient = await app.SignInAsync(manager);
        Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync(DistributeReports.DownloadLink(july.Id))).StatusCode);

        // The manager becomes a department head: the copy of July they were sent is no longer theirs to download
        // (even with the sign-in cookie that still says management), and August is neither generated for nor sent to them.
        await ChangeRolesAsync(manager, [Roles.Management], [Roles.DepartmentHead]);
        var refused = await managerClient.GetAsync(DistributeReports.DownloadLink(july.Id));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("このページを表示する権限がありません", (await HttpForms.ParseAsync(refused)).QuerySelector("[data-testid=status-title]")!.TextContent);

        await RunOnAsync(new DateOnly(2026, 9, 3));
        var august = await app.QueryAsync(db => db.ReportDeliveries.SingleAsync(d => d.ScheduleId == schedule.Id && d.PeriodKey == "2026-08"));
        Assert.Equal([stays.Id], august.RecipientIds);
        var links = new[] { DistributeReports.DownloadLink(july.Id), DistributeReports.DownloadLink(august.Id) };
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == manager.Id && links.Contains(n.Link))));
        Assert.Equal(2, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == stays.Id && links.Contains(n.Link))));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(manager)).GetAsync(DistributeReports.DownloadLink(august.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(stays)).GetAsync(DistributeReports.DownloadLink(august.Id))).StatusCode);
    }

    [Fact]
    public async Task A_schedule_saved_before_the_rule_with_a_department_head_does_not_reach_them()
    {
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var schedule = new ReportSchedule
        {
            Id = Guid.NewGuid(),
            Name = "旧設定 " + Guid.NewGuid().ToString("N")[..6],
            RecipientIds = [head.Id],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await app.QueryAsync(async db => { db.ReportSchedules.Add(schedule); return await db.SaveChangesAsync(); });

        await RunOnAsync(new DateOnly(2026, 6, 2));

        var delivery = await app.QueryAsync(db => db.ReportDeliveries.SingleAsync(d => d.ScheduleId == schedule.Id));
        Assert.Empty(delivery.RecipientIds);
        Assert.False(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == head.Id && n.Link == DistributeReports.DownloadLink(delivery.Id))));

        // A delivery that still names them (made before the rule) is refused at download.
        await app.QueryAsync(async db =>
        {
            var stored = await db.ReportDeliveries.SingleAsync(d => d.Id == delivery.Id);
            stored.RecipientIds = [head.Id];
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(head);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(DistributeReports.DownloadLink(delivery.Id))).StatusCode);
        var noRole = await app.SignInAsync(await app.CreateUserAsync([], department.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await noRole.GetAsync(DistributeReports.DownloadLink(delivery.Id))).StatusCode);
    }
}
