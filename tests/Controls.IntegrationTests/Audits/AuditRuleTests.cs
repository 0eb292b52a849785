using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Audits;

/// <summary>Programme rules plan each fiscal year's audits once, with independent leads, and tell the auditees once when the notice time comes.</summary>
public class AuditRuleTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private async Task<PlanAuditsFromRules.Result> RunAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanAuditsFromRules>().RunAsync(today);
    }

    [Fact]
    public async Task A_rule_plans_every_department_twice_a_year_once_with_an_independent_lead_and_notifies_the_head_once()
    {
        // The test plays chosen days; the real hourly plan-audits job would plan with today's date in between.
        app.RemoveRecurringJobs();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, salesHead, _) = await app.DepartmentWithHeadAsync();
        var finance = await app.CreateDepartmentAsync();
        var salesAuditor = await app.CreateUserAsync([Roles.Auditor], sales.Id);
        var financeAuditor = await app.CreateUserAsync([Roles.Auditor], finance.Id);

        var bad = await officer.SubmitFormAsync("/Audits/Rules", new() { ["name"] = "", ["perYear"] = "9" }, "[data-testid=rule-form]");
        Assert.Contains("年間回数は1〜4、期間は1〜60日、通知は0〜90日前で入力してください。", await HttpForms.ErrorsAsync(bad));
        Assert.False(await app.QueryAsync(db => db.AuditRules.AnyAsync()));
        var saved = await officer.SubmitFormAsync("/Audits/Rules", new() { ["name"] = "定期監査", ["target"] = "EveryDepartment", ["perYear"] = "2" }, "[data-testid=rule-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var departments = await app.QueryAsync(db => db.Departments.CountAsync(d => d.RetiredAt == null));
        var first = await RunAsync(new DateOnly(2026, 4, 1));
        Assert.Equal(departments * 2, first.Planned);
        Assert.Equal(0, first.Skipped);
        var again = await RunAsync(new DateOnly(2026, 4, 1));
        Assert.Equal(0, again.Planned);
        var audits = await app.QueryAsync(db => db.Audits.AsNoTracking().Where(a => a.RuleId != null).ToListAsync());
        Assert.Equal(departments * 2, audits.Count);
        Assert.All(audits, a => Assert.InRange(a.WindowStart, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)));
        Assert.All(audits, a => Assert.InRange(a.WindowEnd, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)));
        var salesAudits = audits.Where(a => a.DepartmentIds.SequenceEqual([sales.Id])).OrderBy(a => a.WindowStart).ToList();
        Assert.Equal(2, salesAudits.Count);
        Assert.True(salesAudits[1].WindowStart >= new DateOnly(2026, 10, 1));
        Assert.All(salesAudits, a => Assert.NotEqual(salesAuditor.Id, a.LeadAuditorId));
        Assert.All(audits.Where(a => a.DepartmentIds.SequenceEqual([finance.Id])), a => Assert.Equal(salesAuditor.Id, a.LeadAuditorId));
        // Spread evenly: different departments get different windows within the half year.
        Assert.True(audits.Where(a => a.WindowStart < new DateOnly(2026, 10, 1)).Select(a => a.WindowStart).Distinct().Count() > 1 || departments == 1);

        // The notice time of the sales audit: scheduled and its head told, once however often the job runs.
        var noticeDay = salesAudits[0].WindowStart.AddDays(-14);
        // (An early-April window may already have been scheduled by the first run, whose day was its notice day.)
        await RunAsync(noticeDay);
        await RunAsync(noticeDay);
        Assert.Equal(AuditStatus.Scheduled, (await app.QueryAsync(db => db.Audits.SingleAsync(a => a.Id == salesAudits[0].Id))).Status);
        // Counted for this audit: the notice day of an early-April window lies in the previous fiscal
        // year, where the same rule plans (and announces) that year's remaining audits as well.
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == salesHead.Id && n.DedupKey.StartsWith($"audit:{salesAudits[0].Id}:"))));
        Assert.Equal(AuditStatus.Planned, (await app.QueryAsync(db => db.Audits.SingleAsync(a => a.Id == salesAudits[1].Id))).Status);
        _ = financeAuditor;
    }
}

/// <summary>A rule run in the middle of a fiscal year plans only the windows that have not ended yet (its own database: it counts every rule audit).</summary>
public class AuditRulePastWindowTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private async Task<PlanAuditsFromRules.Result> RunAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanAuditsFromRules>().RunAsync(today);
    }

    [Fact]
    public async Task A_run_in_november_skips_the_windows_that_have_already_ended_and_announces_none_of_them()
    {
        app.RemoveRecurringJobs();
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var (sales, salesHead, _) = await app.DepartmentWithHeadAsync();
        var finance = await app.CreateDepartmentAsync();
        await app.CreateUserAsync([Roles.Auditor], sales.Id);
        await app.CreateUserAsync([Roles.Auditor], finance.Id);
        var saved = await officer.SubmitFormAsync("/Audits/Rules",
            new() { ["name"] = "四半期監査", ["target"] = "EveryDepartment", ["perYear"] = "4", ["windowDays"] = "14", ["noticeDays"] = "14" }, "[data-testid=rule-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var departments = await app.QueryAsync(db => db.Departments.CountAsync(d => d.RetiredAt == null));

        var today = new DateOnly(2026, 11, 20);
        var first = await RunAsync(today);
        Assert.True(first.Past >= departments * 2, $"past: {first.Past}");   // April–June and July–September at least
        Assert.Equal(departments * 4, first.Planned + first.Past + first.Skipped);
        var audits = await app.QueryAsync(db => db.Audits.AsNoTracking().Where(a => a.RuleId != null).ToListAsync());
        Assert.Equal(first.Planned, audits.Count);
        Assert.All(audits, a => Assert.True(a.WindowEnd >= today, $"{a.Title}: {a.WindowStart}–{a.WindowEnd}"));
        // Every department still gets its January–March audit.
        Assert.Equal(departments, audits.Count(a => a.WindowStart >= new DateOnly(2027, 1, 1)));
        // The head is told only of audits that are still to come.
        var told = await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == salesHead.Id).Select(n => n.DedupKey).ToListAsync());
        Assert.All(told, key => Assert.Contains(audits, a => key.StartsWith($"audit:{a.Id}:", StringComparison.Ordinal)));

        // Idempotent: the same day again plans nothing and still skips the past.
        var again = await RunAsync(today);
        Assert.Equal(0, again.Planned);
        Assert.Equal(first.Past, again.Past);
        Assert.Equal(audits.Count, await app.QueryAsync(db => db.Audits.CountAsync(a => a.RuleId != null)));
    }
}
