using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using Hcm = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Checks the references between completed resources that Envoy resolves by name: a listener's HCM must ask for a
/// route configuration that exists (MC0221), and routes and tcp_proxy filters must send to clusters that exist
/// (MC0220). Envoy would accept such a config and answer 404 or 503 at run time; meshc says so at compile time.
/// </summary>
internal static class CrossReferenceCheck
{
    /// <summary>Reports every dangling route-configuration or cluster reference of the snapshot.</summary>
    public static void Run(XdsSnapshot snapshot, DiagnosticBag diagnostics)
    {
        var clusters = snapshot.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var routes = snapshot.Routes.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in snapshot.Routes)
            CheckClusters(resource.Name, RouteCompletion.ClusterReferences((RouteConfiguration)resource.Message), clusters, resource.Origin, diagnostics);
        foreach (var resource in snapshot.Listeners)
        {
            var listener = (Listener)resource.Message;
            var chains = listener.FilterChains.Append(listener.DefaultFilterChain).OfType<FilterChain>();
            foreach (var filter in chains.SelectMany(c => c.Filters))
            {
                if (AnyPayload.As<Hcm>(filter.TypedConfig) is { } hcm)
                {
                    if (hcm.Rds is { } rds && !routes.Contains(rds.RouteConfigName))
                        diagnostics.ReportEnvoyUnknownRouteConfig(resource.Origin, resource.Name, rds.RouteConfigName,
                            Spelling.DidYouMean(rds.RouteConfigName, routes));
                    if (hcm.RouteConfig is { } inline)
                        CheckClusters(inline.Name.Length > 0 ? inline.Name : resource.Name, RouteCompletion.ClusterReferences(inline),
                            clusters, resource.Origin, diagnostics);
                }
                if (AnyPayload.As<TcpProxy>(filter.TypedConfig) is { } tcp)
                    CheckClusters(resource.Name, TcpProxyClusters(tcp), clusters, resource.Origin, diagnostics);
            }
        }
    }

    private static void CheckClusters(string owner, IEnumerable<string> references, HashSet<string> clusters, SourceLocation at,
        DiagnosticBag diagnostics)
    {
        foreach (var cluster in references.Distinct(StringComparer.Ordinal).Where(c => !clusters.Contains(c)))
            diagnostics.ReportEnvoyUnknownCluster(at, owner, cluster, Spelling.DidYouMean(cluster, clusters));
    }

    private static IEnumerable<string> TcpProxyClusters(TcpProxy tcp) =>
        tcp.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.Cluster
            ? [tcp.Cluster]
            : tcp.WeightedClusters?.Clusters.Select(c => c.Name) ?? [];
}
