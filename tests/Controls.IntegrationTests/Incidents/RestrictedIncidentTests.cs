using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Incidents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Incidents;

/// <summary>
/// An organisation that rolls report deadlines over weekends and Japanese holidays
/// (Incidents:RollOverNonWorkingDays); its administrator also restricts the incident register to
/// compliance officers on the organisation settings page.
/// </summary>
public class RestrictedIncidentsApp : ControlsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Incidents:RollOverNonWorkingDays", "true");
    }
}

public class RestrictedIncidentTests(RestrictedIncidentsApp app) : IClassFixture<RestrictedIncidentsApp>
{
    [Fact]
    public async Task Once_restricted_department_heads_see_no_incident_not_even_their_own_departments_and_are_not_reminded()
    {
        var (head, headUser) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        Assert.Null((await head.GetPageAsync("/Incidents")).QuerySelector("[data-testid=restricted]"));

        var (admin, _) = await app.SignInAsNewAsync(Roles.Administrator);
        var saved = await admin.SubmitFormAsync("/Admin/Settings", new()
        {
            ["Input.NameJa"] = "テスト株式会社",
            ["Input.NameEn"] = "Test Co., Ltd.",
            ["Input.IncidentsComplianceOfficersOnly"] = "true",
        });
        Assert.Equal("/Admin/Settings", saved.RedirectPath());
        Assert.True(await app.QueryAsync(db => db.OrganisationSettings.Select(s => s.IncidentsComplianceOfficersOnly).SingleAsync()));

        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = "社内不正による持ち出し " + Guid.NewGuid().ToString("N")[..6],
            Kind = IncidentKind.Leakage,
            DiscoveredAt = DateTimeOffset.UtcNow.AddHours(-2),
            AwareAt = DateTimeOffset.UtcNow.AddHours(-1),
            DepartmentId = headUser.DepartmentId!.Value,
            PeopleCount = 20,
            SuspectedMalice = true,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = Guid.NewGuid(),
        };
        await using (var db = app.Db())
        {
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
        }

        var list = await head.GetPageAsync("/Incidents");
        Assert.NotNull(list.QuerySelector("[data-testid=restricted]"));
        Assert.DoesNotContain(incident.Title, list.QuerySelector("[data-testid=incidents-table]")!.TextContent);
        Assert.Null(list.QuerySelector("a[href='/Incidents/Create']"));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Incidents/Details/{incident.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Incidents/Edit/{incident.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Incidents/Create")).StatusCode);

        var (officer, officerUser) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Contains(incident.Title, (await officer.GetPageAsync("/Incidents")).QuerySelector("[data-testid=incidents-table]")!.TextContent);
        await officer.GetPageAsync($"/Incidents/Details/{incident.Id}");

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendIncidentReminders>().RunAsync();
        }

        var told = await app.QueryAsync(db => db.Notifications.Where(n => n.DedupKey.StartsWith($"incident:{incident.Id}:")).Select(n => n.UserId).ToListAsync());
        Assert.Contains(officerUser.Id, told);
        Assert.DoesNotContain(headUser.Id, told);
    }

    [Fact]
    public async Task When_the_organisation_opts_in_a_deadline_on_a_weekend_or_holiday_is_shown_on_the_next_working_day()
    {
        var (officer, officerUser) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = "顧客データの紛失 " + Guid.NewGuid().ToString("N")[..6],
            Kind = IncidentKind.Loss,
            // Aware on Showa Day 2026: 3 days later is Saturday 2 May, then Golden Week; 30 days later Friday 29 May.
            DiscoveredAt = new DateTimeOffset(2026, 4, 29, 9, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime(),
            AwareAt = new DateTimeOffset(2026, 4, 29, 10, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime(),
            DepartmentId = officerUser.DepartmentId!.Value,
            PeopleCount = 2000,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = officerUser.Id,
        };
        await using (var db = app.Db())
        {
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
        }

        var page = await officer.GetPageAsync($"/Incidents/Details/{incident.Id}");
        Assert.StartsWith("2026/05/07", page.QuerySelector("[data-testid=preliminary-deadline]")!.TextContent.Trim());
        Assert.StartsWith("2026/05/29", page.QuerySelector("[data-testid=final-deadline]")!.TextContent.Trim());
    }
}
