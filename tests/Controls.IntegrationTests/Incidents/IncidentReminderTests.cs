using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Controls.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Incidents;

/// <summary>Reminders of the PPC reports: each step once, by the organisation's calendar, until the report is recorded.</summary>
public class IncidentReminderTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<Incident> IncidentAsync(Guid departmentId, DateTimeOffset awareAt, Action<Incident>? configure = null)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = "顧客リストの誤送信 " + Guid.NewGuid().ToString("N")[..6],
            Kind = IncidentKind.Leakage,
            DiscoveredAt = awareAt.ToUniversalTime(),
            AwareAt = awareAt.ToUniversalTime(),
            DepartmentId = departmentId,
            PeopleCount = 1500,
            CreatedAt = awareAt.ToUniversalTime(),
            CreatedById = Guid.NewGuid(),
        };
        configure?.Invoke(incident);
        await using var db = app.Db();
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident;
    }

    private async Task<int> RunAtAsync(DateTimeOffset instant)
    {
        app.Clock.Set(instant);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendIncidentReminders>().RunAsync();
    }

    [Fact]
    public async Task Each_report_step_reaches_the_department_head_and_officers_once_until_the_report_is_recorded()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("営業部", "Sales");
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id);
        var manager = await app.CreateUserAsync([Roles.Management], department.Id);
        // Aware at 00:30 on 1 April in Tokyo (still 31 March in UTC): preliminary due 4 April, final 1 May.
        var incident = await IncidentAsync(department.Id, Jst(2031, 4, 1, 0, 30));
        var id = incident.Id;

        await RunAtAsync(Jst(2031, 4, 1, 1, 0));
        await RunAtAsync(Jst(2031, 4, 1, 2, 0));
        Assert.Equal([$"incident:{id}:preliminary:open"], await app.KeysAsync(head.Id, id));
        Assert.Equal([$"incident:{id}:preliminary:open"], await app.KeysAsync(officer.Id, id));
        Assert.Empty(await app.KeysAsync(manager.Id, id));
        var first = await app.NotificationAsync(head.Id, $"incident:{id}:preliminary:open");
        Assert.Contains("速報の提出期限は 2031/04/04", first.Body);
        Assert.Equal($"/Incidents/Details/{id}", first.Link);

        // The deadline day by the Tokyo calendar (23:59 on 3 April is not yet).
        await RunAtAsync(Jst(2031, 4, 3, 23, 59));
        Assert.Single(await app.KeysAsync(head.Id, id));
        await RunAtAsync(Jst(2031, 4, 4, 0, 0));
        await RunAtAsync(Jst(2031, 4, 4, 12, 0));
        Assert.Equal([$"incident:{id}:preliminary:open", $"incident:{id}:preliminary:due-0"], await app.KeysAsync(head.Id, id));

        // Past it: overdue, also to management; once.
        await RunAtAsync(Jst(2031, 4, 5, 9, 0));
        await RunAtAsync(Jst(2031, 4, 6, 9, 0));
        Assert.Equal([$"incident:{id}:preliminary:overdue"], await app.KeysAsync(manager.Id, id));
        // Every recipient's notice opens a page they may see: management may not open the register.
        foreach (var (user, expected) in new[] { (manager, "/Notifications"), (head, $"/Incidents/Details/{id}"), (officer, $"/Incidents/Details/{id}") })
        {
            var notice = await app.NotificationAsync(user.Id, $"incident:{id}:preliminary:overdue");
            Assert.Equal(expected, notice.Link);
            var client = await app.SignInAsync(user);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(notice.Link)).StatusCode);
        }

        Assert.Equal(3, (await app.KeysAsync(officer.Id, id)).Count);

        // Recorded: no more preliminary steps; the final report is reminded 7 days before, on the day, and after.
        await using (var db = app.Db())
        {
            await db.Incidents.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PreliminaryReportedOn, new DateOnly(2031, 4, 6)));
        }

        Assert.Equal(0, await RunAtAsync(Jst(2031, 4, 23, 9, 0)));
        await RunAtAsync(Jst(2031, 4, 24, 9, 0));
        await RunAtAsync(Jst(2031, 4, 24, 10, 0));
        Assert.Contains($"incident:{id}:final:due-7", await app.KeysAsync(head.Id, id));
        Assert.Contains("確報の提出期限は 2031/05/01", (await app.NotificationAsync(head.Id, $"incident:{id}:final:due-7")).Body);

        await using (var db = app.Db())
        {
            await db.Incidents.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.FinalReportedOn, new DateOnly(2031, 4, 28)));
        }

        Assert.Equal(0, await RunAtAsync(Jst(2031, 5, 1, 9, 0)));
        Assert.Equal(0, await RunAtAsync(Jst(2031, 5, 9, 9, 0)));
        Assert.Equal(4, (await app.KeysAsync(head.Id, id)).Count);
    }

    [Fact]
    public async Task Incidents_that_are_not_reportable_or_were_decided_not_to_be_remind_nobody()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("総務部", "General Affairs");
        var small = await IncidentAsync(department.Id, Jst(2032, 1, 10), i => i.PeopleCount = 1000);
        var encrypted = await IncidentAsync(department.Id, Jst(2032, 1, 10), i => i.Encrypted = true);
        var overridden = await IncidentAsync(department.Id, Jst(2032, 1, 10), i => i.ReportableDecision = false);
        var decidedReportable = await IncidentAsync(department.Id, Jst(2032, 1, 10), i =>
        {
            i.PeopleCount = 10;
            i.ReportableDecision = true;
        });

        await RunAtAsync(Jst(2032, 1, 10, 12, 0));
        Assert.Empty(await app.KeysAsync(head.Id, small.Id));
        Assert.Empty(await app.KeysAsync(head.Id, encrypted.Id));
        Assert.Empty(await app.KeysAsync(head.Id, overridden.Id));
        Assert.Equal([$"incident:{decidedReportable.Id}:preliminary:open"], await app.KeysAsync(head.Id, decidedReportable.Id));
    }
}
