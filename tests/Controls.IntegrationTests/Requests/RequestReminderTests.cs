using Controls.IntegrationTests.Notifications;
using Controls.Web.Domain;
using Controls.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Requests;

/// <summary>Reminders of data subjects' requests: three days before, on the day and once overdue, each step once, until the request is closed.</summary>
public class RequestReminderTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private async Task<int> RunAtAsync(DateTimeOffset instant)
    {
        app.Clock.Set(instant);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendRequestReminders>().RunAsync();
    }

    [Fact]
    public async Task Each_step_reaches_the_department_head_and_the_officers_once_until_the_request_is_answered()
    {
        var (department, head) = await app.CreateDepartmentWithHeadAsync("お客様相談室", "Customer Care");
        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer], department.Id);
        var (_, otherHead) = await app.CreateDepartmentWithHeadAsync("経理部", "Finance");
        var request = new DataSubjectRequest
        {
            Id = Guid.NewGuid(),
            Reference = "R-" + Guid.NewGuid().ToString("N")[..6],
            Kind = DataSubjectRequestKind.Disclosure,
            ReceivedOn = new DateOnly(2033, 6, 1),
            DueOn = new DateOnly(2033, 6, 15),
            DepartmentId = department.Id,
            Status = DataSubjectRequestStatus.InProgress,
            CreatedAt = Jst(2033, 6, 1),
            CreatedById = officer.Id,
        };
        await using (var db = app.Db())
        {
            db.DataSubjectRequests.Add(request);
            await db.SaveChangesAsync();
        }

        var id = request.Id;
        var prefix = $"request:{id}:2033-06-15:";
        Assert.Equal(0, await RunAtAsync(Jst(2033, 6, 11, 9, 0)));
        await RunAtAsync(Jst(2033, 6, 12, 8, 15));
        await RunAtAsync(Jst(2033, 6, 12, 9, 15));
        Assert.Equal([prefix + "due-3"], await app.KeysAsync(head.Id, id));
        Assert.Equal([prefix + "due-3"], await app.KeysAsync(officer.Id, id));
        Assert.Empty(await app.KeysAsync(otherHead.Id, id));
        var first = await app.NotificationAsync(head.Id, prefix + "due-3");
        Assert.Contains("回答期限は 2033/06/15(あと 3 日)", first.Body);
        Assert.Equal($"/Requests/Details/{id}", first.Link);

        await RunAtAsync(Jst(2033, 6, 15, 8, 15));
        // Overdue the day after, once however many runs follow.
        await RunAtAsync(Jst(2033, 6, 16, 8, 15));
        await RunAtAsync(Jst(2033, 6, 17, 8, 15));
        await RunAtAsync(Jst(2033, 6, 18, 8, 15));
        Assert.Equal([prefix + "due-0", prefix + "due-3", prefix + "overdue"], (await app.KeysAsync(head.Id, id)).Order().ToList());
        var overdue = await app.NotificationAsync(officer.Id, prefix + "overdue");
        Assert.Contains("1 日過ぎています", overdue.Body);

        // Extended: a new cycle for the new due date; answered: nothing more.
        await using (var db = app.Db())
        {
            await db.DataSubjectRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, new DateOnly(2033, 6, 30)));
        }

        await RunAtAsync(Jst(2033, 6, 27, 9, 0));
        Assert.Contains($"request:{id}:2033-06-30:due-3", await app.KeysAsync(head.Id, id));
        await using (var db = app.Db())
        {
            await db.DataSubjectRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, DataSubjectRequestStatus.Answered).SetProperty(r => r.ClosedOn, new DateOnly(2033, 6, 28)));
        }

        Assert.Equal(0, await RunAtAsync(Jst(2033, 7, 5, 9, 0)));
        Assert.Equal(4, (await app.KeysAsync(head.Id, id)).Count);
    }
}
