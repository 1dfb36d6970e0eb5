using System.Globalization;
using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// Turns a route attached to a service into the CiliumEnvoyConfig a user would write by hand: the service's traffic
/// is redirected to a listener <c>&lt;service&gt;-listener</c>, whose routes (<c>&lt;service&gt;-route</c>, virtual host
/// <c>&lt;service&gt;-vh</c>) split it over EDS clusters of the backend Services, which the config also syncs.
/// <code>
/// route bookstore-canary on service bookstore {
///   rule / to bookstore-v1 90, bookstore-v2 10 retry 2 on 5xx per-try 1s
///   clusters outlier local-failures 2
///   paths normalize merge-slashes
/// }
/// </code>
/// </summary>
internal static class ServiceRouteBuilder
{
    public static EnvoyConfig? Build(ObjectMeta meta, MeshParser.ServiceParentContext parent, IReadOnlyList<string> hosts,
        IReadOnlyList<DslRule> rules, IReadOnlyList<MeshParser.RouteClustersClauseContext> clusterClauses,
        IReadOnlyList<MeshParser.RoutePathsClauseContext> pathClauses, DslContext context)
    {
        var serviceName = DslContext.Text(parent.name());
        var ports = parent.INT() is { } p && context.Int(p.Symbol, "service port", 1, 65535) is { } port ? ValueList.Of(port) : ValueList<int>.Empty;
        RejectGatewayOnlyFeatures(rules, context);
        var backends = rules.SelectMany(r => r.Rule.Backends.Concat(r.Rule.Filters.OfType<RequestMirrorFilter>().Select(m => m.Backend))).ToList();
        foreach (var b in backends.Where(b => b.Namespace is { } ns && ns != meta.Namespace))
            context.Diagnostics.ReportDslInvalidValue(b.Origin, "backend", $"{b.Namespace}/{b.Name}",
                $"a service route's backends are in its own namespace '{meta.Namespace}' (Cilium syncs only those)");

        string ClusterName(BackendRef b) => b.Port is { } n
            ? $"{meta.Namespace}/{b.Name}:{n.ToString(CultureInfo.InvariantCulture)}"
            : $"{meta.Namespace}/{b.Name}";

        var settings = ClusterSettings.Read(clusterClauses, context);
        var paths = PathOptions.Read(pathClauses, context);
        var listenerName = $"{serviceName}-listener";
        var routeName = $"{serviceName}-route";
        var at = meta.Origin;
        var resources = new List<EnvoyResource?>
        {
            CanonicalResource.Make(ServiceRouteTypes.Listener, listenerName, EnvoyListenerJson.Build(listenerName, routeName, paths), at, context.Diagnostics),
            CanonicalResource.Make(ServiceRouteTypes.RouteConfiguration, routeName,
                EnvoyRouteJson.Build(routeName, $"{serviceName}-vh", hosts, rules, ClusterName), at, context.Diagnostics),
        };
        foreach (var group in backends.GroupBy(ClusterName, StringComparer.Ordinal))
            resources.Add(CanonicalResource.Make(ServiceRouteTypes.Cluster, group.Key, EnvoyClusterJson.Build(group.Key, settings), group.First().Origin, context.Diagnostics));

        var service = new EnvoyServiceRef(serviceName, meta.Namespace, ports, null, context.At(parent));
        return new EnvoyConfig(meta, false, ValueList.Of(service), BackendServices(backends, meta.Namespace, context),
            resources.OfType<EnvoyResource>().ToValueList());
    }

    /// <summary>One entry per backend Service, in order of first use, listing the ports the route names (none: all).</summary>
    private static ValueList<EnvoyBackendServiceRef> BackendServices(IEnumerable<BackendRef> backends, string ns, DslContext context) =>
        backends.GroupBy(b => b.Name, StringComparer.Ordinal).Select(g =>
        {
            var ports = g.Where(b => b.Port is not null).Select(b => b.Port!.Value).Distinct().Order()
                .Select(n => n.ToString(CultureInfo.InvariantCulture)).ToValueList();
            if (!ports.IsEmpty && g.FirstOrDefault(b => b.Port is null) is { } bare)
                context.Diagnostics.ReportDslInvalidValue(bare.Origin, "backend", bare.Name,
                    "name the port here too: this route uses the Service with a port elsewhere, and Cilium then publishes only those ports");
            return new EnvoyBackendServiceRef(g.Key, ns, ports, g.First().Origin);
        }).ToValueList();

    private static void RejectGatewayOnlyFeatures(IReadOnlyList<DslRule> rules, DslContext context)
    {
        foreach (var at in rules.Select(r => r.BackendTimeoutAt).OfType<Text.SourceLocation>())
            context.Diagnostics.ReportDslGatewayRouteOnly(at, "'timeout backend'", "on a service route, use 'retry … per-try D'");
    }
}
