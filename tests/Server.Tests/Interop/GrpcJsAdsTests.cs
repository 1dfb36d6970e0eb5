using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshc.Server.Resources;
using Meshc.Server.Tests.Support;
using Xunit.Abstractions;

namespace Meshc.Server.Tests.Interop;

/// <summary>
/// <c>meshc serve</c> driven by an xDS client no meshc code wrote: @grpc/grpc-js over Envoy's own protos
/// (<c>ads-client.js</c>). It subscribes, receives the bundle's clusters and listeners, NACKs the first cluster
/// response (visible on the admin API and in the metrics), ACKs the rest, and receives a push after an input change.
/// </summary>
public sealed class GrpcJsAdsTests(ITestOutputHelper output)
{
    private const string RouteA = "default/cilium-gateway-my-example-gateway/listener-insecure";
    private const string RouteB = "default/cilium-gateway-cilium-gw/listener-insecure";

    [NodeFact]
    public Task StateOfTheWorld() => Run("sotw");

    [NodeFact]
    public Task Delta() => Run("delta");

    private async Task Run(string protocol)
    {
        await using var server = await TestServer.StartExampleAsync("gateway-echo");
        var expected = BundleNames.Of(server.Folder);
        var config = new JsonObject
        {
            ["address"] = $"127.0.0.1:{server.Server.XdsPort}",
            ["protocol"] = protocol,
            ["node"] = new JsonObject { ["id"] = "grpc-js-1", ["cluster"] = "*" },
            ["subscribe"] = new JsonObject
            {
                [ResourceTypes.Cluster] = new JsonArray("*"),
                [ResourceTypes.Listener] = new JsonArray(protocol == "sotw" ? [] : ["*"]),
                [ResourceTypes.Route] = new JsonArray(RouteA, RouteB),
            },
            ["nack"] = new JsonObject { [ResourceTypes.Cluster] = "grpc-js test: clusters refused" },
        };
        await using var node = NodeProcess.Start("ads-client.js", config.ToJsonString());
        bool Response(JsonElement e, string type) => e.GetProperty("event").GetString() == "response" && e.GetProperty("type").GetString() == type;
        static string[] Names(JsonElement e) => [.. e.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)];

        var responses = new Dictionary<string, JsonElement>();
        while (responses.Count < 3)
        {
            var e = await node.Expect(e => e.GetProperty("event").GetString() == "response");
            responses[e.GetProperty("type").GetString()!] = e;
        }
        Assert.Equal(expected.Clusters.Order(StringComparer.Ordinal), Names(responses[ResourceTypes.Cluster]).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Listeners.Order(StringComparer.Ordinal), Names(responses[ResourceTypes.Listener]).Order(StringComparer.Ordinal));
        Assert.Equal([RouteA, RouteB], Names(responses[ResourceTypes.Route]).Order(StringComparer.Ordinal).Reverse());

        // The NACK is on the admin API (with its error_detail) and in the metrics; the node keeps no cluster version.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Server.AdminPort}") };
        JsonNode? cds = null;
        for (var i = 0; i < 100 && cds?["rejecting"]?.GetValue<bool>() != true; i++)
        {
            var nodes = JsonNode.Parse(await http.GetStringAsync("/meshc/nodes"))!.AsArray();
            cds = nodes.SingleOrDefault(n => n!["node_id"]!.GetValue<string>() == "grpc-js-1")?["types"]!.AsArray().Single(t => t!["type"]!.GetValue<string>() == "cds");
            if (cds?["rejecting"]?.GetValue<bool>() != true) await Task.Delay(50);
        }
        Assert.NotNull(cds);
        Assert.True(cds["rejecting"]!.GetValue<bool>());
        Assert.Equal("grpc-js test: clusters refused", cds["last_nack"]!["error_detail"]!.GetValue<string>());
        Assert.Equal(responses[ResourceTypes.Cluster].GetProperty("version").GetString(), cds["last_nack"]!["rejected_version"]!.GetValue<string>());
        Assert.Null(cds["acked_version"]);
        Assert.Contains("meshc_xds_nacks_total{type=\"cds\"} 1", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);

        var watch = Stopwatch.StartNew();
        await server.EditAsync("03-route-90-10.yaml", t => t.Replace("weight: 90", "weight: 75", StringComparison.Ordinal));
        var push = await node.Expect(e => Response(e, ResourceTypes.Route));
        output.WriteLine($"{protocol}: push received {watch.ElapsedMilliseconds} ms after the input file was written");
        Assert.NotEqual(responses[ResourceTypes.Route].GetProperty("version").GetString(), push.GetProperty("version").GetString());
        // State of the world sends every subscribed route configuration; delta only the one that changed.
        Assert.Equal(protocol == "sotw" ? [RouteB, RouteA] : [RouteA], Names(push).Order(StringComparer.Ordinal));
        // The ACK of the push reaches the admin API.
        var pushed = push.GetProperty("version").GetString();
        string? acked = null;
        for (var i = 0; i < 100 && acked != pushed; i++)
        {
            var nodes = JsonNode.Parse(await http.GetStringAsync("/meshc/nodes"))!.AsArray();
            acked = nodes.Single(n => n!["node_id"]!.GetValue<string>() == "grpc-js-1")!["types"]!.AsArray()
                .Single(t => t!["type"]!.GetValue<string>() == "rds")!["acked_version"]?.GetValue<string>();
            if (acked != pushed) await Task.Delay(50);
        }
        Assert.Equal(pushed, acked);
    }
}
