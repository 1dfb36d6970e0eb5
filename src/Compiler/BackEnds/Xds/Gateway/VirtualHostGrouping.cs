using Envoy.Config.Route.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Groups routes into virtual hosts by hostname, as Cilium does: a route serving several hostnames appears in each
/// of their virtual hosts, and routes of different listeners with the same hostname share one. When the listeners
/// of one route configuration use several ports, the grouping is by hostname and port instead (see
/// <see cref="BuildPerPort"/>).
/// </summary>
internal static class VirtualHostGrouping
{
    /// <summary>The port-blind virtual hosts for <paramref name="sources"/>, sorted by name.</summary>
    public static IReadOnlyList<VirtualHost> Build(IEnumerable<RouteSource> sources) =>
        Group(sources, _ => (int?)null)
            .Select(e => VirtualHostOf(e.Key.Hostname, e.Value))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The virtual hosts for <paramref name="sources"/> on listeners with different ports, one per hostname and port,
    /// sorted by name. Cilium's <c>host:*</c> domain would let a request for one port reach the routes of another
    /// (Gateway API HTTPRouteListenerPortMatching), so each virtual host matches only its own port in
    /// <c>:authority</c>; a request without a port means the scheme's <paramref name="defaultPort"/>.
    /// </summary>
    public static IReadOnlyList<VirtualHost> BuildPerPort(IEnumerable<RouteSource> sources, int defaultPort) =>
        Group(sources, s => s.Listener.Listener.Port)
            .Select(e => PortVirtualHostOf(e.Key.Hostname, e.Key.Port!.Value, defaultPort, e.Value))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Named after its first domain. A hostname also matches with any port in <c>:authority</c> (<c>host:*</c>);
    /// <c>*</c> alone is the catch-all. Wildcards such as <c>*.example.com</c> use Envoy's suffix match.
    /// </summary>
    public static VirtualHost VirtualHostOf(string hostname, IEnumerable<RouteSource> sources)
    {
        var host = new VirtualHost { Name = hostname };
        if (hostname == "*") host.Domains.Add("*");
        else host.Domains.Add([hostname, hostname + ":*"]);
        host.Routes.Add(RouteSorter.Sort(sources.Select(RouteBuilder.Build)));
        return host;
    }

    /// <summary>
    /// Named after its first domain. The hostname with its port, <c>host:P</c>, and on the default port also the bare
    /// hostname. <c>*</c> on the default port stays the catch-all, since no domain matches "any host without a port";
    /// on another port it is <c>*:P</c>, a suffix match on the port. A wildcard <c>*.example.com:P</c> is a suffix
    /// match as well, so it matches exactly the subdomains with that port.
    /// </summary>
    public static VirtualHost PortVirtualHostOf(string hostname, int port, int defaultPort, IEnumerable<RouteSource> sources)
    {
        var withPort = $"{hostname}:{port}";
        var host = new VirtualHost();
        if (port != defaultPort) host.Domains.Add(withPort);
        else if (hostname == "*") host.Domains.Add("*");
        else host.Domains.Add([hostname, withPort]);
        host.Name = host.Domains[0];
        host.Routes.Add(RouteSorter.Sort(sources.Select(RouteBuilder.Build)));
        return host;
    }

    private static Dictionary<(string Hostname, int? Port), List<RouteSource>> Group(IEnumerable<RouteSource> sources, Func<RouteSource, int?> port)
    {
        var groups = new Dictionary<(string Hostname, int? Port), List<RouteSource>>();
        foreach (var source in sources)
        {
            foreach (var hostname in source.Hostnames)
            {
                var key = (hostname, port(source));
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(source);
            }
        }
        return groups;
    }
}
