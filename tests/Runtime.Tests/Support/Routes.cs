using Envoy.Config.Route.V3;
using Meshc.EnvoyApi;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Tests.Support;

/// <summary>Builds route tables from Envoy JSON and requests from a few strings, for table-style routing tests.</summary>
internal static class Routes
{
    public static RouteTable Table(string virtualHostsJson, string extra = "") =>
        new(EnvoyJson.Parse<RouteConfiguration>($$"""{"name":"rc",{{extra}}"virtualHosts":{{virtualHostsJson}}}"""));

    /// <summary>One virtual host for "*" with the given routes.</summary>
    public static RouteTable AnyHost(string routesJson) => Table($$"""[{"name":"vh","domains":["*"],"routes":{{routesJson}}}]""");

    public static RouteRequest Request(string path, string authority = "example.com", string method = "GET", params (string Name, string Value)[] headers)
    {
        var map = headers.GroupBy(h => h.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value)));
        return new RouteRequest(authority, path, method, "http", name => map.GetValueOrDefault(name.ToLowerInvariant()));
    }

    /// <summary>The cluster chosen, "404" for no route, or "direct:&lt;status&gt;"/"redirect:&lt;location&gt;".</summary>
    public static string Outcome(RouteTable table, RouteRequest request, ulong random = 0) => table.Route(request, () => random, corsFilter: null) switch
    {
        NoRouteDecision => "404",
        ForwardDecision f => f.Cluster,
        DirectResponseDecision d => $"direct:{d.Status}",
        RedirectDecision r => $"redirect:{r.Status} {r.Location}",
        var other => other.ToString(),
    };
}
