using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Hcm = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Completes a Listener as Cilium's agent does: the name and the HCM's RDS name are qualified even when they hold
/// a '/', an inline route configuration and tcp_proxy cluster references are qualified, a missing RDS config source
/// is filled in (here: the route configuration's file in the bundle) and TLS secrets get SDS sources.
/// Unlike the agent, no <c>cilium.bpf_metadata</c> listener filter, <c>cilium.network</c> filter or
/// <c>cilium.l7policy</c> HTTP filter is injected: they exist only in Cilium's Envoy build, and the bundle must load
/// in a stock Envoy. Addresses are assigned later, once every listener's final name is known.
/// </summary>
internal static class ListenerCompletion
{
    /// <summary>Completes <paramref name="listener"/> in place.</summary>
    public static void Complete(Listener listener, CecScope scope)
    {
        foreach (var chain in listener.FilterChains)
        {
            TlsCompletion.Complete(chain.TransportSocket, scope);
            foreach (var filter in chain.Filters)
            {
                AnyPayload.Edit<Hcm>(filter.TypedConfig, hcm => CompleteHcm(hcm, scope));
                AnyPayload.Edit<TcpProxy>(filter.TypedConfig, tcp => QualifyTcpProxy(tcp, scope));
            }
        }
        listener.Name = scope.QualifyForced(listener.Name);
    }

    private static void CompleteHcm(Hcm hcm, CecScope scope)
    {
        if (hcm.Rds is { } rds)
        {
            rds.RouteConfigName = scope.QualifyForced(rds.RouteConfigName);
            rds.ConfigSource ??= XdsFiles.Source(XdsFiles.Route(rds.RouteConfigName));
        }
        if (hcm.RouteConfig is { } inline) RouteCompletion.Complete(inline, scope);
    }

    private static void QualifyTcpProxy(TcpProxy tcp, CecScope scope)
    {
        if (tcp.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.Cluster)
            tcp.Cluster = scope.Qualify(tcp.Cluster);
        else if (tcp.WeightedClusters is { } weighted)
            foreach (var cluster in weighted.Clusters) cluster.Name = scope.Qualify(cluster.Name);
    }
}
