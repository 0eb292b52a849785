using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Controls.Web.Infrastructure.Web;

/// <summary>
/// Healthy while this node's Hangfire server is registered in the job store and its heartbeat is
/// recent (Hangfire beats every 30 s): read through the monitoring API.
/// </summary>
public sealed class SchedulerHealthCheck(JobStorage storage) : IHealthCheck
{
    /// <summary>This node's server name (machine and a per-process suffix), so /health speaks for this node only.</summary>
    public static readonly string NodeName = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var mine = servers.Where(s => s.Name.StartsWith(NodeName, StringComparison.OrdinalIgnoreCase)).ToList();
        var alive = mine.Any(s => s.Heartbeat is { } beat && DateTime.UtcNow - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < Silence);
        return Task.FromResult(alive
            ? HealthCheckResult.Healthy($"running ({servers.Count} server(s) in the job store)")
            : HealthCheckResult.Unhealthy(mine.Count == 0 ? "no server of this node in the job store" : "this node's server has stopped beating"));
    }
}

/// <summary>/health as a small JSON document: overall status and each check's status.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
