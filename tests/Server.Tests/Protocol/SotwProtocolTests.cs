using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Service.Discovery.V3;
using Meshc.Server.Resources;
using Meshc.Server.Tests.Support;
using Client = Meshc.Server.Tests.Support.AdsTestClient<Envoy.Service.Discovery.V3.DiscoveryRequest, Envoy.Service.Discovery.V3.DiscoveryResponse>;

namespace Meshc.Server.Tests.Protocol;

/// <summary>The state-of-the-world ADS stream against the gateway-echo example.</summary>
public sealed class SotwProtocolTests
{
    private const string Gateway = "default/my-example-gateway";
    private const string RouteName = "default/cilium-gateway-my-example-gateway/listener-insecure";

    private static DiscoveryRequest Request(string type, params string[] names)
    {
        var request = new DiscoveryRequest { TypeUrl = type };
        request.ResourceNames.AddRange(names);
        return request;
    }

    private static DiscoveryRequest Ack(DiscoveryResponse response, params string[] names)
    {
        var request = Request(response.TypeUrl, names);
        request.VersionInfo = response.VersionInfo;
        request.ResponseNonce = response.Nonce;
        return request;
    }

    [Fact]
    public async Task WildcardSubscription_GetsTheNodesGatewayOnly_AndAPushAfterAnInputChange()
    {
        await using var server = await TestServer.StartExampleAsync("gateway-echo");
        await using var client = Client.Sotw(server.XdsAddress);
        var cds = Request(ResourceTypes.Cluster);
        cds.Node = Client.Node(Gateway);
        await client.Send(cds);
        var clusters = await client.Next();
        Assert.Equal(ResourceTypes.Cluster, clusters.TypeUrl);
        Assert.Equal(["default/cilium-gateway-my-example-gateway/default:echo-1:8080", "default/cilium-gateway-my-example-gateway/default:echo-2:8080"],
            clusters.Resources.Select(r => r.Unpack<Cluster>().Name));
        // The EDS config source reads from the same stream.
        Assert.NotNull(clusters.Resources[0].Unpack<Cluster>().EdsClusterConfig.EdsConfig.Ads);
        await client.Send(Ack(clusters));

        await client.Send(Request(ResourceTypes.Listener));
        var listeners = await client.Next();
        Assert.Equal(["default/cilium-gateway-my-example-gateway/listener"], listeners.Resources.Select(r => r.Unpack<Listener>().Name));
        await client.Send(Ack(listeners));
        await client.Send(Request(ResourceTypes.Route, RouteName));
        var routes = await client.Next();
        var weights = Weights(routes);
        await client.Send(Ack(routes, RouteName));

        await server.EditAsync("03-route-90-10.yaml", t => t.Replace("weight: 90", "weight: 70", StringComparison.Ordinal));
        var pushed = await client.Next();
        Assert.Equal(ResourceTypes.Route, pushed.TypeUrl);
        Assert.NotEqual(routes.VersionInfo, pushed.VersionInfo);
        Assert.NotEqual(weights, Weights(pushed));
        Assert.Contains(70u, Weights(pushed));
        // Nothing else changed for this node, so nothing else is sent.
        await client.Send(Ack(pushed, RouteName));
        Assert.True(await client.Silent(TimeSpan.FromMilliseconds(300)));
    }

    private static uint[] Weights(DiscoveryResponse routes) =>
        [.. routes.Resources.Select(r => r.Unpack<RouteConfiguration>()).SelectMany(r => r.VirtualHosts).SelectMany(v => v.Routes)
            .Where(r => r.Route_?.WeightedClusters is not null).SelectMany(r => r.Route_.WeightedClusters.Clusters).Select(c => c.Weight ?? 0)];
}
