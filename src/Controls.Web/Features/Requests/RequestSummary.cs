using System.Security.Claims;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Requests;

/// <summary>
/// Data subjects' requests at a glance, scoped as the register (RequestAccess): open now, overdue
/// now, received in a period and answered (or refused) in it. The dashboard's panel and the home
/// page's cards.
/// </summary>
public sealed class RequestSummary(RequestAccess access)
{
    public sealed record Figures(int Open, int Overdue, int ReceivedInPeriod, int AnsweredInPeriod, int RefusedInPeriod);

    public async Task<Figures> ForAsync(ClaimsPrincipal user, DateOnly periodStart, DateOnly periodEnd, DateOnly today, CancellationToken cancellationToken = default)
    {
        var requests = (await access.VisibleAsync(user, cancellationToken)).AsNoTracking();
        var open = requests.WhereOpen();
        var closed = requests.Where(r => r.ClosedOn >= periodStart && r.ClosedOn <= periodEnd);
        return new(
            await open.CountAsync(cancellationToken),
            await requests.WhereOverdue(today).CountAsync(cancellationToken),
            await requests.CountAsync(r => r.ReceivedOn >= periodStart && r.ReceivedOn <= periodEnd, cancellationToken),
            await closed.CountAsync(r => r.Status == DataSubjectRequestStatus.Answered, cancellationToken),
            await closed.CountAsync(r => r.Status == DataSubjectRequestStatus.Refused, cancellationToken));
    }

    /// <summary>The open requests of these departments (every one when null) due within <paramref name="days"/> days or overdue, the earliest due first.</summary>
    public static IQueryable<DataSubjectRequest> DueSoon(IQueryable<DataSubjectRequest> requests, DateOnly today, int days)
    {
        var soon = today.AddDays(days);
        return requests.WhereOpen().Where(r => r.DueOn <= soon)
            .OrderBy(r => r.DueOn).ThenBy(r => r.ReceivedOn);
    }
}
