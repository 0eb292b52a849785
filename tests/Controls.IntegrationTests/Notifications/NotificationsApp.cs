using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Notifications;
using Controls.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Notifications;

/// <summary>
/// The app with a clock the test sets and a mail server the test can switch off. Its Hangfire
/// server does not run (the recurring jobs stay registered): the tests run the jobs' classes
/// themselves at the instants they choose (NotificationJobTests runs them through the real server).
/// </summary>
public class NotificationsApp : ControlsApp
{
    private readonly SemaphoreSlim catalogGate = new(1, 1);
    private CatalogVersion? catalog;

    public TestClock Clock { get; } = new();
    public TestMailSender Mail { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Same(Clock, Services.GetRequiredService<TimeProvider>());
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveJobServer();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IMailSender>(Mail);
    }

    /// <summary>The built-in APPI catalog (imported once per app) as the inspections' version.</summary>
    public async Task<CatalogVersion> CatalogAsync()
    {
        await catalogGate.WaitAsync();
        try
        {
            if (catalog is null)
            {
                var status = await CommandLine.RunAsync(Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml")],
                    new StringReader(""), new StringWriter(), new StringWriter());
                Assert.Equal(0, status);
                catalog = await QueryAsync(db => db.CatalogVersions.AsNoTracking().Where(v => v.Catalog.Key == "appi-security-measures")
                    .OrderByDescending(v => v.Number).FirstAsync());
            }

            return catalog;
        }
        finally
        {
            catalogGate.Release();
        }
    }

    /// <summary>A department with its own names (optionally under a division) and a named head.</summary>
    public async Task<(Department Department, AppUser Head)> CreateDepartmentWithHeadAsync(string nameJa, string nameEn, Guid? divisionId = null, string headLanguage = "ja")
    {
        var department = await CreateDepartmentAsync(parentId: divisionId);
        var head = await CreateUserAsync([Roles.DepartmentHead], department.Id, language: headLanguage);
        await using var db = Db();
        await db.Departments.Where(d => d.Id == department.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NameJa, nameJa).SetProperty(d => d.NameEn, nameEn).SetProperty(d => d.HeadUserId, head.Id));
        department.NameJa = nameJa;
        department.NameEn = nameEn;
        department.HeadUserId = head.Id;
        return (department, head);
    }

    /// <summary>A member of the department named by its head as a delegate.</summary>
    public async Task<AppUser> CreateDelegateAsync(Guid departmentId, string language = "ja")
    {
        var user = await CreateUserAsync([], departmentId, language: language);
        await using var db = Db();
        db.DepartmentDelegates.Add(new DepartmentDelegate { DepartmentId = departmentId, UserId = user.Id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A quarterly self-inspection of the department, due on the given day.</summary>
    public async Task<Inspection> CreateInspectionAsync(Guid departmentId, DateOnly dueOn, InspectionStatus status = InspectionStatus.NotStarted)
    {
        var version = await CatalogAsync();
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            DepartmentId = departmentId,
            TargetKey = Inspection.DepartmentTarget(departmentId),
            PeriodStart = dueOn.AddDays(-14),
            PeriodEnd = dueOn.AddDays(-14).AddMonths(3).AddDays(-1),
            DueOn = dueOn,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = Db();
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return inspection;
    }

    public async Task SetStatusAsync(Guid inspectionId, InspectionStatus status)
    {
        await using var db = Db();
        await db.Inspections.Where(i => i.Id == inspectionId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status));
    }

    public async Task DeactivateAsync(Guid userId)
    {
        await using var db = Db();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
    }

    /// <summary>Runs the reminder job's work at the given instant, in a scope of its own (as the job does).</summary>
    public async Task<SendReminders.Result> RemindAtAsync(DateTimeOffset instant)
    {
        Clock.Set(instant);
        return await RemindAsync();
    }

    public async Task<SendReminders.Result> RemindAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync();
    }

    public async Task<SendOutbox.Result> SendOutboxAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendOutbox>().RunAsync();
    }

    /// <summary>The steps delivered to the user that mention the given id, in the order delivered (alone or in a bundle).</summary>
    public Task<List<string>> KeysAsync(Guid userId, Guid about) =>
        QueryAsync(db => db.NotificationSteps.Where(s => s.UserId == userId && s.DedupKey.Contains(about.ToString()))
            .OrderBy(s => s.DeliveredAt).ThenBy(s => s.DedupKey).Select(s => s.DedupKey).ToListAsync());

    /// <summary>The notification that carried the step to the user.</summary>
    public Task<Notification> NotificationAsync(Guid userId, string dedupKey) =>
        QueryAsync(db => db.NotificationSteps.Where(s => s.UserId == userId && s.DedupKey == dedupKey).Select(s => s.Notification).AsNoTracking().SingleAsync());

    public Task<List<OutboxMessage>> OutboxAsync(string to) =>
        QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync());

    /// <summary>An instant in Japan Standard Time.</summary>
    public static DateTimeOffset Jst(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));
}
