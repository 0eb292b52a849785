namespace Controls.Web.Infrastructure.Web;

/// <summary>
/// The job dashboard's batch commands (run now, delete, requeue …) take job ids from the form; Hangfire
/// throws (a 500) when one is missing or empty. Such a command is refused with 400 before it
/// reaches the dashboard. Signed-in administrators only reach it anyway (authorization runs first).
/// </summary>
public static class JobsDashboardGuard
{
    public const string Path = "/Admin/Jobs";

    public static IApplicationBuilder UseJobsDashboardGuard(this IApplicationBuilder app) =>
        app.UseWhen(
            context => HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(Path)
                // Its statistics poll and one-job actions (the id in the path) take no job list.
                && !context.Request.Path.StartsWithSegments(Path + "/stats")
                && !context.Request.Path.StartsWithSegments(Path + "/jobs/actions"),
            branch => branch.Use(async (context, next) =>
            {
                if (context.Request.HasFormContentType)
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    var ids = form["jobs[]"];
                    // Background jobs are numbered by the job store; recurring jobs are named.
                    var numbered = !context.Request.Path.StartsWithSegments(Path + "/recurring");
                    if (ids.Count == 0 || ids.Any(id => string.IsNullOrWhiteSpace(id) || (numbered && !long.TryParse(id, out _))))
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return;
                    }
                }

                await next();
            }));
}
