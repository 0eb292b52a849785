using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
using Controls.Web.Features.Incidents;
using Controls.Web.Features.Inspections;
using Controls.Web.Features.Ledger;
using Controls.Web.Features.Reports.Distribution;
using Controls.Web.Features.Training;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Notifications.NotificationsApp;

namespace Controls.IntegrationTests.Notifications;

/// <summary>
/// Every notice opens a page its recipient may see: the demo organisation lives through a few
/// months (reminders, overdue inspections escalated to division heads and compliance officers,
/// overdue actions, reviews, audits announced, incident report deadlines, ledger reviews, training,
/// scheduled workbooks delivered, an altered audit trail found), then every recipient signs in and
/// opens every link they were sent.
/// </summary>
public class NoticeLinkTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private const string DemoPassword = "Controls-Demo-2026";

    [Fact]
    public async Task Every_notice_of_every_kind_opens_a_page_its_recipient_may_see()
    {
        app.Clock.Set(Jst(2027, 2, 10));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter()));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", RepositoryRoot.File("seeds", "demo-organisation.yaml"), "--demo"], new StringReader(""), new StringWriter(), new StringWriter()));

        // Reviews: what compliance officers and the reviewed departments are told.
        using (var scope = app.Services.CreateScope())
        {
            var news = scope.ServiceProvider.GetRequiredService<InspectionNotifications>();
            var reviewed = await app.QueryAsync(db => db.Inspections.AsNoTracking()
                .Where(i => i.Status == InspectionStatus.Submitted || i.Status == InspectionStatus.Returned || i.Status == InspectionStatus.Accepted).ToListAsync());
            Assert.Contains(reviewed, i => i.Status == InspectionStatus.Submitted);
            Assert.Contains(reviewed, i => i.Status == InspectionStatus.Returned);
            foreach (var inspection in reviewed)
            {
                await (inspection.Status == InspectionStatus.Submitted ? news.SubmittedAsync(inspection) : news.ReviewedAsync(inspection));
            }

            var lifecycle = scope.ServiceProvider.GetRequiredService<AuditLifecycle>();
            foreach (var audit in await app.QueryAsync(db => db.Audits.Select(a => a.Id).ToListAsync()))
            {
                await lifecycle.NotifyAuditeesAsync(audit);
            }
        }

        // Scheduled workbooks: a monthly one to management (no one chosen), a quarterly one in English
        // to everyone who may receive it (compliance officer, auditor, administrator, management).
        await app.QueryAsync(async db =>
        {
            var officer = await db.Users.Where(u => u.Email == "privacy@sakura.example").Select(u => u.Id).SingleAsync();
            var eligible = await DistributeReports.EligibleRecipients(db).Select(u => u.Id).ToListAsync();
            db.ReportSchedules.Add(new ReportSchedule { Id = Guid.NewGuid(), Name = "月次報告", Frequency = DistributionFrequency.Monthly, Period = DistributionPeriod.PreviousPeriod, CreatedAt = app.Clock.GetUtcNow(), CreatedById = officer });
            db.ReportSchedules.Add(new ReportSchedule
            {
                Id = Guid.NewGuid(),
                Name = "Quarterly review",
                Frequency = DistributionFrequency.Quarterly,
                Period = DistributionPeriod.FiscalYearToDate,
                Language = "en",
                RecipientIds = eligible,
                CreatedAt = app.Clock.GetUtcNow(),
                CreatedById = officer,
            });
            return await db.SaveChangesAsync();
        });

        // The scheduled jobs, on the day and then weeks later (reminders, overdue, escalations, digests, workbooks).
        foreach (var day in new[] { Jst(2027, 2, 10), Jst(2027, 2, 25), Jst(2027, 3, 15), Jst(2027, 5, 10), Jst(2027, 7, 1) })
        {
            app.Clock.Set(day);
            await app.RemindAsync();
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SendIncidentReminders>().RunAsync();
            await scope.ServiceProvider.GetRequiredService<SendLedgerReviewReminders>().RunAsync();
            await scope.ServiceProvider.GetRequiredService<SendTrainingReminders>().RunAsync();
            await scope.ServiceProvider.GetRequiredService<DistributeReports>().RunAsync(DateOnly.FromDateTime(day.DateTime));
        }

        // Someone alters an audit-trail entry behind the app's back: the daily verification tells the administrators.
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_trail SET actor = 'mallory@example.com' WHERE sequence = 2"));
        using (var scope = app.Services.CreateScope())
        {
            var verification = ActivatorUtilities.CreateInstance<AuditTrailVerificationJob>(scope.ServiceProvider);
            Assert.StartsWith("TAMPERED:", await verification.RunAsync(CancellationToken.None));
        }

        var notices = await app.QueryAsync(db => db.Notifications.AsNoTracking()
            .Select(n => new { n.UserId, n.Kind, n.Link, n.Subject, Email = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Email).Single() })
            .ToListAsync());
        // Every kind of step was sent (alone or in a bundle): the steps' keys name them.
        var steps = (await app.QueryAsync(db => db.NotificationSteps.Select(s => s.DedupKey).ToListAsync()))
            .Select(StepKind).ToHashSet();
        Assert.Empty(new[]
        {
            "reminder", "overdue", "escalation:division", "escalation:compliance", "digest", "action:overdue", "action:escalation",
            "submitted", "returned", "accepted", "audit", "incident", "ledger-review", "training", "report-delivery", "audit-trail-verification",
        }.Except(steps));
        Assert.Contains(NotificationKinds.Bundle, notices.Select(n => n.Kind));

        // The division head of 管理本部 was told about its departments' overdue inspections; management
        // and the compliance officer of the workbooks; the administrator of the altered trail.
        Assert.Contains(notices, n => n.Email == "kimura@sakura.example");
        Assert.Contains(notices, n => n.Email == "exec@sakura.example" && n.Link.StartsWith("/Reports/Distribution/Download/", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Email == "privacy@sakura.example" && n.Link.StartsWith("/Reports/Distribution/Download/", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Email == "admin@sakura.example" && n.Link == "/Admin/AuditTrail");

        // Every recipient opens every link they were sent.
        var failures = new List<string>();
        foreach (var recipient in notices.GroupBy(n => n.UserId))
        {
            var client = await SignInAsync(recipient.Key);
            foreach (var link in recipient.Select(n => n.Link).Distinct())
            {
                var response = await client.GetAsync(link);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var notice = recipient.First(n => n.Link == link);
                    failures.Add($"{notice.Email} ({notice.Kind}: {notice.Subject}) {link} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nsteps: " + string.Join(", ", steps));
    }

    /// <summary>A step's kind from its dedup key ("escalation:{id}:division" → "escalation:division").</summary>
    private static string StepKind(string key)
    {
        var parts = key.Split(':');
        return parts[0] switch
        {
            "escalation" => "escalation:" + parts[^1],
            "action" => "action:" + parts[^1],
            "audit-trail-verification" => parts[0],
            var first when first.StartsWith("audit", StringComparison.Ordinal) => "audit",
            var first when first.StartsWith("incident", StringComparison.Ordinal) => "incident",
            var first when first.StartsWith("training", StringComparison.Ordinal) => "training",
            var first => first,
        };
    }

    /// <summary>Signs a demo account in with the demo password (an administrator's second factor is set up first).</summary>
    private async Task<HttpClient> SignInAsync(Guid userId)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            if (await users.IsInRoleAsync(user, Roles.Administrator) && !user.TwoFactorEnabled)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }

        return await app.SignInAsync(await app.ReloadUserAsync(userId), DemoPassword);
    }
}
