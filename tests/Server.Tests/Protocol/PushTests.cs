using Envoy.Config.Cluster.V3;
using Envoy.Service.Discovery.V3;
using Meshc.Server.Resources;
using Meshc.Server.Tests.Support;
using Client = Meshc.Server.Tests.Support.AdsTestClient<Envoy.Service.Discovery.V3.DiscoveryRequest, Envoy.Service.Discovery.V3.DiscoveryResponse>;
using DeltaClient = Meshc.Server.Tests.Support.AdsTestClient<Envoy.Service.Discovery.V3.DeltaDiscoveryRequest, Envoy.Service.Discovery.V3.DeltaDiscoveryResponse>;

namespace Meshc.Server.Tests.Protocol;

/// <summary>Who is pushed to, in which order, and what a NACK, a stale nonce and a missing name do.</summary>
public sealed class PushTests
{
    private const string Route = "default/cilium-gateway-my-example-gateway/listener-insecure";

    private static DiscoveryRequest Request(string type, string? cluster = null, params string[] names)
    {
        var request = new DiscoveryRequest { TypeUrl = type };
        if (cluster is not null) request.Node = Client.Node(cluster);
        request.ResourceNames.AddRange(names);
        return request;
    }

    private static DiscoveryRequest Answer(DiscoveryResponse response, string? error = null, params string[] names)
    {
        var request = Request(response.TypeUrl, null, names);
        request.ResponseNonce = response.Nonce;
        request.VersionInfo = response.VersionInfo;
        if (error is not null) request.ErrorDetail = new Google.Rpc.Status { Code = 3, Message = error };
        return request;
    }

    /// <summary>Subscribes to clusters, listeners and the gateway's route configuration, acknowledging each.</summary>
    private static async Task<Client> Subscribed(TestServer server, string cluster, string route)
    {
        var client = Client.Sotw(server.XdsAddress);
        await client.Send(Request(ResourceTypes.Cluster, cluster));
        await client.Send(Answer(await client.Next()));
        await client.Send(Request(ResourceTypes.Listener));
        await client.Send(Answer(await client.Next()));
        await client.Send(Request(ResourceTypes.Route, null, route));
        await client.Send(Answer(await client.Next(), null, route));
        return client;
    }

    [Fact]
    public async Task OnlyTheNodeWhoseResourcesChanged_IsPushedTo_AndRemovalsComeLast()
    {
        await using var server = await TestServer.StartExampleAsync("gateway-echo");
        await using var changed = await Subscribed(server, "default/my-example-gateway", Route);
        await using var other = await Subscribed(server, "default/cilium-gw", "default/cilium-gateway-cilium-gw/listener-insecure");

        // The route drops echo-2: the route configuration moves first, the cluster it no longer uses goes after.
        await server.EditAsync("03-route-90-10.yaml", t => t.Replace("name: echo-2", "name: echo-1", StringComparison.Ordinal));
        var first = await changed.Next();
        Assert.Equal(ResourceTypes.Route, first.TypeUrl);
        await changed.Send(Answer(first, null, Route));
        var second = await changed.Next();
        Assert.Equal(ResourceTypes.Cluster, second.TypeUrl);
        Assert.Equal(["default/cilium-gateway-my-example-gateway/default:echo-1:8080"], second.Resources.Select(r => r.Unpack<Cluster>().Name));
        Assert.True(await other.Silent(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Nack_KeepsTheAcknowledgedVersion_AndIsNotAnsweredWithTheSameResources_AndStaleNoncesAreIgnored()
    {
        await using var server = await TestServer.StartExampleAsync("gateway-echo");
        await using var client = Client.Sotw(server.XdsAddress);
        await client.Send(Request(ResourceTypes.Cluster, "default/my-example-gateway"));
        var v1 = await client.Next();
        await client.Send(Answer(v1));
        await server.EditAsync("03-route-90-10.yaml", t => t.Replace("name: echo-2", "name: echo-1", StringComparison.Ordinal));
        var v2 = await client.Next();
        Assert.NotEqual(v1.VersionInfo, v2.VersionInfo);
        // A NACK repeats the version it keeps.
        var nack = Answer(v2, "refused");
        nack.VersionInfo = v1.VersionInfo;
        await client.Send(nack);
        // An answer naming an older nonce is stale: no response, no state change.
        await client.Send(Answer(v1));
        Assert.True(await client.Silent(TimeSpan.FromMilliseconds(500)));
        var node = server.Server.Context.Registry.All.Single().Types.Single();
        Assert.Equal(v1.VersionInfo, node.AckedVersion);
        Assert.True(node.Rejecting);
        Assert.Equal(v2.VersionInfo, node.LastNack!.RejectedVersion);
        Assert.Equal("refused", node.LastNack.Message);
        Assert.Equal(1, server.Server.Context.Metrics.Get(Admin.XdsMetrics.Stale, "cds"));
    }

    [Fact]
    public async Task Delta_SendsDifferencesOnly_AndSaysWhenANameDoesNotExist()
    {
        await using var server = await TestServer.StartExampleAsync("gateway-echo");
        await using var client = DeltaClient.Delta(server.XdsAddress);
        var subscribe = new DeltaDiscoveryRequest { TypeUrl = ResourceTypes.Route, Node = Client.Node("default/my-example-gateway") };
        subscribe.ResourceNamesSubscribe.Add(Route);
        subscribe.ResourceNamesSubscribe.Add("no/such/route");
        await client.Send(subscribe);
        var first = await client.Next();
        Assert.Equal([Route], first.Resources.Select(r => r.Name));
        Assert.Equal(["no/such/route"], first.RemovedResources);
        await client.Send(new DeltaDiscoveryRequest { TypeUrl = ResourceTypes.Route, ResponseNonce = first.Nonce });

        // Clusters, reconnecting with the versions already held: nothing needs sending.
        var clusters = new DeltaDiscoveryRequest { TypeUrl = ResourceTypes.Cluster };
        await client.Send(clusters);
        var all = await client.Next();
        Assert.Equal(2, all.Resources.Count);
        await using var again = DeltaClient.Delta(server.XdsAddress);
        var resume = new DeltaDiscoveryRequest { TypeUrl = ResourceTypes.Cluster, Node = Client.Node("default/my-example-gateway") };
        foreach (var r in all.Resources) resume.InitialResourceVersions[r.Name] = r.Version;
        resume.InitialResourceVersions["gone/cluster"] = "0";
        await again.Send(resume);
        var resumed = await again.Next();
        Assert.Empty(resumed.Resources);
        Assert.Equal(["gone/cluster"], resumed.RemovedResources);
    }
}
