using System.Text;
using Meshc.Runtime.Proxy;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Admin;

/// <summary>
/// The admin port: <c>/ready</c>, <c>/stats</c> (Envoy's counter names), <c>/config_dump</c> (bundle id, last load error and
/// the xDS it serves) and <c>/clusters</c> (Envoy's text lines per host).
/// </summary>
public sealed class AdminApi(SnapshotHolder holder, ProxyStats stats)
{
    public Task Handle(HttpContext ctx) => ctx.Request.Path.Value switch
    {
        "/ready" => Text(ctx, "LIVE\n"),
        "/stats" => Text(ctx, Stats()),
        "/config_dump" => ConfigDump(ctx),
        "/clusters" => Text(ctx, Clusters()),
        _ => NotFound(ctx),
    };

    private string Stats()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in stats.Snapshot()) sb.Append(name).Append(": ").Append(value).Append('\n');
        return sb.ToString();
    }

    private string Clusters()
    {
        var sb = new StringBuilder();
        foreach (var cluster in holder.Current.Clusters.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            sb.Append($"{cluster.Name}::observability_name::{cluster.Name}\n");
            sb.Append($"{cluster.Name}::added_via_api::true\n");
            foreach (var e in cluster.Endpoints)
            {
                var flags = holder.StateOf(cluster.Name).IsEjected(e) ? "/failed_outlier_check" : "healthy";
                sb.Append($"{cluster.Name}::{e}::health_flags::{flags}\n");
                sb.Append($"{cluster.Name}::{e}::weight::1\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The bundle id and each xDS DiscoveryResponse as the bundle holds it, under its file name.</summary>
    private Task ConfigDump(HttpContext ctx)
    {
        var snapshot = holder.Current;
        var sb = new StringBuilder();
        sb.Append("{\n  \"bundleId\": \"").Append(snapshot.BundleId).Append("\",\n  \"lastLoadError\": ")
            .Append(holder.LastLoadError is { } e ? System.Text.Json.JsonSerializer.Serialize(e) : "null").Append(",\n  \"xds\": {");
        var first = true;
        foreach (var (file, json) in snapshot.XdsJson)
        {
            sb.Append(first ? "\n" : ",\n").Append("    \"").Append(file).Append("\": ").Append(json.Trim());
            first = false;
        }
        sb.Append("\n  }\n}\n");
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(sb.ToString());
    }

    private static Task Text(HttpContext ctx, string body)
    {
        ctx.Response.ContentType = "text/plain";
        return ctx.Response.WriteAsync(body);
    }

    private static Task NotFound(HttpContext ctx)
    {
        ctx.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
