using Envoy.Config.Route.V3;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Qualifies a RouteConfiguration as Cilium's agent does: its name and its virtual host names always, and the
/// clusters its routes send to (single, weighted, mirrors) only when they hold no '/', so references to the
/// operator's global clusters and to <c>ns/name</c> clusters stay as written.
/// </summary>
internal static class RouteCompletion
{
    /// <summary>Qualifies <paramref name="config"/> in place.</summary>
    public static void Complete(RouteConfiguration config, CecScope scope)
    {
        config.Name = scope.QualifyForced(config.Name);
        foreach (var host in config.VirtualHosts)
        {
            host.Name = scope.QualifyForced(host.Name);
            foreach (var route in host.Routes)
            {
                if (route.Route_ is not { } action) continue;
                if (action.ClusterSpecifierCase == RouteAction.ClusterSpecifierOneofCase.Cluster && action.Cluster.Length > 0)
                    action.Cluster = scope.Qualify(action.Cluster);
                foreach (var mirror in action.RequestMirrorPolicies)
                    if (mirror.Cluster.Length > 0) mirror.Cluster = scope.Qualify(mirror.Cluster);
                if (action.WeightedClusters is { } weighted)
                    foreach (var cluster in weighted.Clusters) cluster.Name = scope.Qualify(cluster.Name);
            }
        }
    }

    /// <summary>Every cluster a route configuration sends to (header-named clusters cannot be known and are left out).</summary>
    public static IEnumerable<string> ClusterReferences(RouteConfiguration config) =>
        from host in config.VirtualHosts
        from route in host.Routes
        where route.Route_ is not null
        from name in References(route.Route_)
        select name;

    private static IEnumerable<string> References(RouteAction action)
    {
        if (action.ClusterSpecifierCase == RouteAction.ClusterSpecifierOneofCase.Cluster) yield return action.Cluster;
        // A weighted cluster no resource defines is deliberate when the route says what to answer for it (the share of
        // a Gateway API rule's unresolved backends answers 500); Envoy's default answer, 503, stays a dangling reference.
        var answered = action.ClusterNotFoundResponseCode != RouteAction.Types.ClusterNotFoundResponseCode.ServiceUnavailable;
        if (action.WeightedClusters is { } weighted)
            foreach (var cluster in weighted.Clusters)
                if (!answered) yield return cluster.Name;
        foreach (var mirror in action.RequestMirrorPolicies)
            if (mirror.Cluster.Length > 0) yield return mirror.Cluster;
    }
}
