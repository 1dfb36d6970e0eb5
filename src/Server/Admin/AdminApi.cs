using System.Text.Json;
using System.Text.Json.Nodes;
using Meshc.Server.Protocol;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;
using Meshc.Server.Sources;
using Microsoft.AspNetCore.Http;

namespace Meshc.Server.Admin;

/// <summary>
/// The server's admin port: <c>/ready</c>; <c>/metrics</c> (Prometheus); <c>/meshc/nodes</c>, every connected stream
/// with its node, selector, snapshot and, per type, its subscription, the version sent and acknowledged, and its last
/// NACK (nonce, rejected version, the version the node kept, error_detail); <c>/meshc/compile</c>, the last
/// compilation; <c>/meshc/snapshot?node=SELECTOR</c>, the resource names a selector sees.
/// </summary>
public sealed class AdminApi(SnapshotCache cache, NodeRegistry registry, XdsMetrics metrics, Func<CompileStatus?> compile)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public Task Handle(HttpContext ctx) => ctx.Request.Path.Value switch
    {
        "/ready" => Write(ctx, "text/plain", "LIVE\n"),
        "/metrics" or "/stats/prometheus" => Write(ctx, "text/plain; version=0.0.4", Metrics()),
        "/meshc/nodes" => Write(ctx, "application/json", Json(Nodes())),
        "/meshc/compile" => Write(ctx, "application/json", Json(Compile())),
        "/meshc/snapshot" => Write(ctx, "application/json", Json(Snapshot(ctx.Request.Query["node"].ToString()))),
        _ => NotFound(ctx),
    };

    private string Metrics()
    {
        var streams = registry.All;
        return metrics.Format([
            ("meshc_xds_connected_streams", "ADS streams connected now.", streams.Count),
            ("meshc_xds_nodes_rejecting", "Connected streams whose last answer on some type was a NACK.", streams.Count(s => s.Types.Any(t => t.Rejecting))),
            ("meshc_xds_generation", "Resource sets published since the start.", cache.GenerationNumber),
            ("meshc_xds_resources", "Resources in the set being served.", cache.Current.Count),
        ]);
    }

    private JsonArray Nodes() => [.. registry.All.Select(s => (JsonNode)new JsonObject
    {
        ["stream"] = s.Id,
        ["node_id"] = s.Node.Id,
        ["node_cluster"] = s.Node.Cluster,
        ["selector"] = s.Selector,
        ["protocol"] = s.Protocol,
        ["peer"] = s.Peer,
        ["connected_at"] = s.ConnectedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["snapshot"] = s.Snapshot,
        ["types"] = new JsonArray([.. s.Types.OrderBy(t => ResourceTypes.ShortName(t.TypeUrl), StringComparer.Ordinal).Select(Type)]),
    })];

    private static JsonObject Type(TypeState t) => new()
    {
        ["type"] = ResourceTypes.ShortName(t.TypeUrl),
        ["type_url"] = t.TypeUrl,
        ["subscription"] = t.Subscription.ToString(),
        ["responses"] = t.Responses,
        ["sent_version"] = t.SentVersion,
        ["nonce"] = t.Nonce,
        ["acked_version"] = t.AckedVersion,
        ["rejecting"] = t.Rejecting,
        ["last_nack"] = t.LastNack is { } n ? new JsonObject
        {
            ["nonce"] = n.Nonce,
            ["rejected_version"] = n.RejectedVersion,
            ["kept_version"] = n.KeptVersion,
            ["code"] = n.Code,
            ["error_detail"] = n.Message,
            ["at"] = n.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        } : null,
    };

    private JsonObject Compile() => compile() is not { } c ? new JsonObject() : new JsonObject
    {
        ["started_at"] = c.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["finished_at"] = c.FinishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["milliseconds"] = Math.Round(c.Milliseconds, 1),
        ["served"] = c.Served,
        ["bundle"] = c.ServedBundleId,
        ["errors"] = c.Errors,
        ["warnings"] = c.Warnings,
        ["diagnostics"] = new JsonArray([.. c.Diagnostics.Select(d => (JsonNode)d)]),
        ["resources"] = c.Resources,
        ["notified_streams"] = c.NotifiedStreams,
        ["generation"] = cache.GenerationNumber,
    };

    private JsonObject Snapshot(string selector)
    {
        var snapshot = cache.Get(selector);
        var types = new JsonObject();
        foreach (var type in ResourceTypes.Served)
            types[ResourceTypes.ShortName(type)] = new JsonArray([.. snapshot.Of(type).Visible.Keys.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]);
        return new JsonObject { ["selector"] = selector, ["matches"] = snapshot.Description, ["bundle"] = snapshot.BundleId, ["resources"] = types };
    }

    private static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";

    private static Task Write(HttpContext ctx, string contentType, string body)
    {
        ctx.Response.ContentType = contentType;
        return ctx.Response.WriteAsync(body);
    }

    private static Task NotFound(HttpContext ctx)
    {
        ctx.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
