using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Incidents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controls.IntegrationTests.Incidents;

/// <summary>The organisation restricts the incident register to compliance officers (Incidents:ComplianceOfficersOnly).</summary>
public class RestrictedIncidentsApp : ControlsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Incidents:ComplianceOfficersOnly", "true");
    }
}

public class RestrictedIncidentTests(RestrictedIncidentsApp app) : IClassFixture<RestrictedIncidentsApp>
{
    [Fact]
    public async Task Department_heads_see_no_incident_not_even_their_own_departments_and_are_not_reminded()
    {
        var (head, headUser) = await app.SignInAsNewAsync(Roles.DepartmentHead);
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
}
