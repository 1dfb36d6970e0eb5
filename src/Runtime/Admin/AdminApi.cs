using System.Text;
using System.Text.Json;
using Meshc.Runtime.Proxy;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Admin;

/// <summary>
/// The admin port: <c>/ready</c>, <c>/stats</c> (Envoy's names), <c>/stats/prometheus</c>, <c>/config_dump</c> (Envoy's
/// ConfigDump shape), <c>/clusters</c> (Envoy's text lines per host) and meshc's own <c>/meshc/bundle</c> (bundle id,
/// last load error, reloads refused, sockets a reload could not bind).
/// </summary>
public sealed class AdminApi(SnapshotHolder holder, ProxyStats stats)
{
    /// <summary>What serves a proxy's admin port (<see cref="ProxyOptions.Admin"/>).</summary>
    public static RequestDelegate Serve(SnapshotHolder holder, ProxyStats stats) => new AdminApi(holder, stats).Handle;

    public Task Handle(HttpContext ctx) => ctx.Request.Path.Value switch
    {
        "/ready" => Text(ctx, "LIVE\n"),
        "/stats" when ctx.Request.Query["format"] == "prometheus" => Prometheus(ctx),
        "/stats" => Text(ctx, Stats()),
        "/stats/prometheus" => Prometheus(ctx),
        "/config_dump" => Json(ctx, ConfigDump.Build(holder.Current, holder.LoadedAt, ctx.Request.Query.ContainsKey("include_eds"))),
        "/clusters" => Text(ctx, Clusters()),
        "/meshc/bundle" => Json(ctx, Bundle()),
        _ => NotFound(ctx),
    };

    private string Stats()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in stats.Snapshot()) sb.Append(name).Append(": ").Append(value).Append('\n');
        return sb.ToString();
    }

    private Task Prometheus(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/plain; version=0.0.4";
        return ctx.Response.WriteAsync(PrometheusFormat.Format(stats.Snapshot().Select(kv => (kv.Key, kv.Value, stats.IsGauge(kv.Key)))));
    }

    /// <summary>meshc's facts, kept out of the Envoy-shaped dump so that Envoy tooling can parse that one.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private string Bundle() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["bundle_id"] = holder.Current.BundleId,
        ["last_load_error"] = holder.LastLoadError,
        ["update_rejected"] = stats.Get(SnapshotHolder.UpdateRejected),
        ["unserved_sockets"] = holder.UnservedSockets,
    }, Indented) + "\n";

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

    private static Task Json(HttpContext ctx, string body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body);
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
