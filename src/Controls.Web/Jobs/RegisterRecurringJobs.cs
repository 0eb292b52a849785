using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Jobs;

/// <summary>At start, (re)registers every recurring job in the organisation's time zone (<see cref="JobSchedule"/>).</summary>
public sealed class RegisterRecurringJobs(IServiceScopeFactory scopes, IRecurringJobManager jobs, ILogger<RegisterRecurringJobs> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        JobSchedule.Register(jobs, OrganisationZone());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private TimeZoneInfo OrganisationZone()
    {
        try
        {
            // Read straight from the table: OrganisationClock would cache the settings before a first-run seed writes them.
            using var scope = scopes.CreateScope();
            var zone = scope.ServiceProvider.GetRequiredService<AppDbContext>().OrganisationSettings.AsNoTracking()
                .Where(s => s.Id == OrganisationSettings.SingletonId).Select(s => s.TimeZone).SingleOrDefault();
            return OrganisationClock.FindZone(zone ?? "Asia/Tokyo");
        }
        catch (Exception e)
        {
            // A database not yet migrated: Asia/Tokyo until the next start (or a change of the zone).
            logger.LogWarning(e, "Could not read the organisation's time zone; jobs are scheduled in Asia/Tokyo");
            return OrganisationClock.FindZone("Asia/Tokyo");
        }
    }
}
