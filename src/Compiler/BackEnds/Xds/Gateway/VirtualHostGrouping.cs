using Envoy.Config.Route.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Groups routes into virtual hosts by hostname, as Cilium does: a route serving several hostnames appears in each
/// of their virtual hosts, and routes of different listeners with the same hostname share one.
/// </summary>
internal static class VirtualHostGrouping
{
    /// <summary>The virtual hosts for <paramref name="sources"/>, sorted by name.</summary>
    public static IReadOnlyList<VirtualHost> Build(IEnumerable<RouteSource> sources)
    {
        var byHostname = new Dictionary<string, List<RouteSource>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var hostname in source.Hostnames)
            {
                if (!byHostname.TryGetValue(hostname, out var list)) byHostname[hostname] = list = [];
                list.Add(source);
            }
        }
        return byHostname
            .Select(e => VirtualHostOf(e.Key, e.Value))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
    }

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
}
