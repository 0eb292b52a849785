using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// A user whose role requires two-factor authentication is sent to enrol before any other page.
/// </summary>
public sealed class TwoFactorEnrolmentFilter : IAsyncPageFilter
{
    private static readonly string[] Exempt = ["/Account/", "/Language/", "/Error", "/StatusCode"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(c => c.Type == ControlsClaims.TwoFactorSetupRequired)
            && !Exempt.Any(prefix => page.StartsWith(prefix, StringComparison.Ordinal)))
        {
            context.Result = new RedirectToPageResult("/Account/Manage/EnableAuthenticator", new { required = true });
            return;
        }

        await next();
    }
}
