using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Server.Resources;

/// <summary>One resource another one needs: its type and name.</summary>
public readonly record struct ResourceKey(string TypeUrl, string Name);

/// <summary>
/// What a resource refers to, the edges a node's closure follows: a listener's HTTP connection managers name route
/// configurations (RDS) or carry them inline, a TCP proxy names clusters, a route action names clusters (weighted and
/// mirrored ones too), and an EDS cluster names its load assignment.
/// </summary>
public static class References
{
    public static IEnumerable<ResourceKey> Of(IMessage message) => message switch
    {
        Listener l => Listener(l),
        RouteConfiguration r => Routes(r),
        Cluster c => ClusterEndpoints(c),
        _ => [],
    };

    private static IEnumerable<ResourceKey> Listener(Listener listener)
    {
        var chains = listener.FilterChains.AsEnumerable();
        if (listener.DefaultFilterChain is { } fallback) chains = chains.Append(fallback);
        foreach (var filter in chains.SelectMany(c => c.Filters))
            foreach (var key in TypedConfig(filter.TypedConfig)) yield return key;
        if (listener.ApiListener?.ApiListener_ is { } api)
            foreach (var key in TypedConfig(api)) yield return key;
    }

    private static IEnumerable<ResourceKey> TypedConfig(Any? config)
    {
        if (config is null) return [];
        if (config.Is(HttpConnectionManager.Descriptor))
        {
            var hcm = config.Unpack<HttpConnectionManager>();
            return hcm.RouteSpecifierCase switch
            {
                HttpConnectionManager.RouteSpecifierOneofCase.Rds => [new ResourceKey(ResourceTypes.Route, hcm.Rds.RouteConfigName)],
                HttpConnectionManager.RouteSpecifierOneofCase.RouteConfig => Routes(hcm.RouteConfig),
                _ => [],
            };
        }
        if (config.Is(TcpProxy.Descriptor))
        {
            var tcp = config.Unpack<TcpProxy>();
            return tcp.ClusterSpecifierCase switch
            {
                TcpProxy.ClusterSpecifierOneofCase.Cluster => [Cluster(tcp.Cluster)],
                TcpProxy.ClusterSpecifierOneofCase.WeightedClusters => tcp.WeightedClusters.Clusters.Select(c => Cluster(c.Name)).ToList(),
                _ => [],
            };
        }
        return [];
    }

    private static IEnumerable<ResourceKey> Routes(RouteConfiguration config)
    {
        foreach (var route in config.VirtualHosts.SelectMany(v => v.Routes))
        {
            if (route.Route_ is not { } action) continue;
            if (action.ClusterSpecifierCase == RouteAction.ClusterSpecifierOneofCase.Cluster) yield return Cluster(action.Cluster);
            if (action.ClusterSpecifierCase == RouteAction.ClusterSpecifierOneofCase.WeightedClusters)
                foreach (var weighted in action.WeightedClusters.Clusters) yield return Cluster(weighted.Name);
            foreach (var mirror in action.RequestMirrorPolicies) yield return Cluster(mirror.Cluster);
        }
    }

    private static IEnumerable<ResourceKey> ClusterEndpoints(Cluster cluster)
    {
        if (cluster.ClusterDiscoveryTypeCase != Envoy.Config.Cluster.V3.Cluster.ClusterDiscoveryTypeOneofCase.Type
            || cluster.Type != Envoy.Config.Cluster.V3.Cluster.Types.DiscoveryType.Eds) return [];
        var name = cluster.EdsClusterConfig?.ServiceName is { Length: > 0 } service ? service : cluster.Name;
        return [new ResourceKey(ResourceTypes.Endpoints, name)];
    }

    private static ResourceKey Cluster(string name) => new(ResourceTypes.Cluster, name);
}
