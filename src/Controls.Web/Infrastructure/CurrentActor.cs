using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Infrastructure;

/// <summary>
/// Who is acting in this scope: the signed-in user of a request, or a named system actor
/// ("system" for scheduled jobs, "cli" for commands). The audit trail records it.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private (Guid? Id, string Name)? _override;

    public void ActAs(Guid? userId, string name) => _override = (userId, name);

    public Guid? UserId => _override?.Id ?? ParseId(http.HttpContext?.User);

    public string Name =>
        _override?.Name
        ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.Email)
        ?? http.HttpContext?.User.Identity?.Name
        ?? "system";

    /// <summary>An actor as a reader sees it: a person's own name or e-mail as recorded, the system actors in the reader's words.</summary>
    public static string Shown(string actor, IStringLocalizer l) =>
        actor is "system" or "cli" ? l["Actor." + actor].Value : actor;

    private static Guid? ParseId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
