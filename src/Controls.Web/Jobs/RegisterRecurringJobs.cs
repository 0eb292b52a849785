using Controls.Web.Infrastructure.Time;
using Hangfire;

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
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<OrganisationClock>().Zone;
        }
        catch (Exception e)
        {
            // A database not yet migrated: Asia/Tokyo until the next start (or a change of the zone).
            logger.LogWarning(e, "Could not read the organisation's time zone; jobs are scheduled in Asia/Tokyo");
            return OrganisationClock.FindZone("Asia/Tokyo");
        }
    }
}
