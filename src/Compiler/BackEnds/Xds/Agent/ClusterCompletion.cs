using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Completes a Cluster as Cilium's agent does: TLS secrets get SDS sources, circuit breakers get the agent's
/// defaults when none are set, an EDS cluster without a config source reads its endpoints (here: the file of its
/// EDS service name, which defaults to the qualified cluster name as in Envoy), an inline load assignment is
/// qualified, and the name is qualified when it holds no '/'.
/// </summary>
internal static class ClusterCompletion
{
    /// <summary>Completes <paramref name="cluster"/> in place.</summary>
    public static void Complete(Cluster cluster, CecScope scope)
    {
        TlsCompletion.Complete(cluster.TransportSocket, scope);
        cluster.CircuitBreakers ??= new CircuitBreakers
        {
            Thresholds =
            {
                new CircuitBreakers.Types.Thresholds
                {
                    MaxRetries = AgentDefaults.MaxConcurrentRetries,
                    MaxConnections = AgentDefaults.MaxConnections,
                    MaxRequests = AgentDefaults.MaxRequests,
                },
            },
        };
        cluster.Name = scope.Qualify(cluster.Name);
        if (IsEds(cluster))
        {
            cluster.EdsClusterConfig ??= new Cluster.Types.EdsClusterConfig();
            cluster.EdsClusterConfig.EdsConfig ??= XdsFiles.Source(XdsFiles.Endpoint(EdsServiceName(cluster)));
        }
        if (cluster.LoadAssignment is { } inline) QualifyLoadAssignment(inline, scope);
    }

    /// <summary>Whether the cluster takes its endpoints from EDS.</summary>
    public static bool IsEds(Cluster cluster) =>
        cluster.ClusterDiscoveryTypeCase == Cluster.ClusterDiscoveryTypeOneofCase.Type &&
        cluster.Type == Cluster.Types.DiscoveryType.Eds;

    /// <summary>The name an EDS cluster asks endpoints for: <c>eds_cluster_config.service_name</c>, else the cluster name.</summary>
    public static string EdsServiceName(Cluster cluster) =>
        cluster.EdsClusterConfig?.ServiceName is { Length: > 0 } serviceName ? serviceName : cluster.Name;

    /// <summary>Qualifies a load assignment's cluster name and the internal listeners its endpoints point at.</summary>
    public static void QualifyLoadAssignment(ClusterLoadAssignment assignment, CecScope scope)
    {
        assignment.ClusterName = scope.Qualify(assignment.ClusterName);
        foreach (var locality in assignment.Endpoints)
        foreach (var lb in locality.LbEndpoints)
        {
            if (lb.Endpoint is not { } endpoint) continue;
            QualifyInternal(endpoint.Address, scope);
            foreach (var additional in endpoint.AdditionalAddresses) QualifyInternal(additional.Address, scope);
        }
    }

    private static void QualifyInternal(Address? address, CecScope scope)
    {
        if (address?.EnvoyInternalAddress is { ServerListenerName.Length: > 0 } internalAddress)
            internalAddress.ServerListenerName = scope.Qualify(internalAddress.ServerListenerName);
    }
}
