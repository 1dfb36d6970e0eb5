using Envoy.Config.Route.V3;
using Meshc.EnvoyApi;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Tests.Support;

/// <summary>A one-listener runtime snapshot built by hand from Envoy route JSON and loopback clusters.</summary>
internal static class HandBuilt
{
    public const string Listener = "test-listener";

    /// <summary>Virtual hosts (Envoy JSON) served by one listener; each cluster is (name, loopback port, upstream protocol).</summary>
    public static RuntimeSnapshot Snapshot(string virtualHostsJson, params (string Name, int Port, UpstreamProtocol Protocol)[] clusters)
    {
        var table = new RouteTable(EnvoyJson.Parse<RouteConfiguration>($$"""{"name":"rc","virtualHosts":{{virtualHostsJson}}}"""));
        var listener = new ListenerModel(Listener, "127.0.0.1", 0, "rc", HcmSettings.Default with { StatPrefix = "test" });
        var models = clusters.ToDictionary(c => c.Name,
            c => new ClusterModel(c.Name, [new EndpointModel("127.0.0.1", c.Port)], "ROUND_ROBIN", TimeSpan.FromSeconds(2), null, null, c.Protocol),
            StringComparer.Ordinal);
        return new RuntimeSnapshot("test-bundle", [listener], new Dictionary<string, RouteTable> { ["rc"] = table }, models,
            new Dictionary<string, string>());
    }
}
