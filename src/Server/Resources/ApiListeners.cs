using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Server.Resources;

/// <summary>
/// The API-listener form of a Gateway's or a claimed Service's routes, for proxyless gRPC clients (gRFC A27), named as
/// Istio names them: a client dials <c>xds:///NAME</c> and asks LDS for NAME. Every Service the bundle redirects to an
/// HTTP listener gets <c>&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local:&lt;port&gt;</c> for each redirected port
/// (for a Gateway, its Service <c>cilium-gateway-&lt;gateway&gt;</c>), and every exact hostname among that listener's
/// virtual hosts gets <c>&lt;hostname&gt;:&lt;port&gt;</c>. The listener carries only an HTTP connection manager that
/// reads the same route configuration over ADS, with the router as its one filter: a gRPC client refuses filters it
/// does not know. gRPC picks the virtual host by the dialled name (<c>hostname:port</c> matches Cilium's
/// <c>hostname:*</c> domains, and a route without hostnames has <c>*</c>).
/// </summary>
public static class ApiListeners
{
    private const string HcmFilter = "envoy.filters.network.http_connection_manager";
    private const string RouterFilter = "envoy.filters.http.router";
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary>A redirected Service: its ports and the listener serving them (the bundle's <c>services</c>).</summary>
    public sealed record RedirectedService(string Namespace, string Name, IReadOnlyList<int> Ports, string Listener);

    /// <summary>The API listeners for <paramref name="services"/>, by name; the first claim of a name keeps it.</summary>
    public static IReadOnlyList<XdsResource> Build(IEnumerable<RedirectedService> services,
        IReadOnlyDictionary<string, XdsResource> listeners, IReadOnlyDictionary<string, XdsResource> routes)
    {
        var result = new SortedDictionary<string, XdsResource>(StringComparer.Ordinal);
        foreach (var service in services.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!listeners.TryGetValue(service.Listener, out var listener) || RouteName((Listener)listener.Message) is not { } routeName) continue;
            var hostnames = routes.TryGetValue(routeName, out var route) ? ExactDomains((RouteConfiguration)route.Message) : [];
            foreach (var port in service.Ports)
            {
                IEnumerable<string> names = [$"{service.Name}.{service.Namespace}.{ClusterDomain}:{port}", .. hostnames.Select(h => $"{h}:{port}")];
                foreach (var name in names)
                    if (!result.ContainsKey(name)) result[name] = new XdsResource(name, Listener(name, routeName));
            }
        }
        return [.. result.Values];
    }

    /// <summary>The route configuration the listener's plain-text HTTP connection manager reads over RDS, if any.</summary>
    private static string? RouteName(Listener listener) =>
        listener.FilterChains.Where(c => c.TransportSocket is null)
            .SelectMany(c => c.Filters)
            .Where(f => f.Name == HcmFilter && f.TypedConfig is not null && f.TypedConfig.Is(HttpConnectionManager.Descriptor))
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>())
            .Where(h => h.RouteSpecifierCase == HttpConnectionManager.RouteSpecifierOneofCase.Rds)
            .Select(h => h.Rds.RouteConfigName)
            .FirstOrDefault();

    private static IReadOnlyList<string> ExactDomains(RouteConfiguration route) =>
        [.. route.VirtualHosts.SelectMany(v => v.Domains).Where(d => !d.Contains('*') && !d.Contains(':')).Distinct().Order(StringComparer.Ordinal)];

    private static Listener Listener(string name, string routeName) => new()
    {
        Name = name,
        ApiListener = new ApiListener
        {
            ApiListener_ = Any.Pack(new HttpConnectionManager
            {
                StatPrefix = name,
                Rds = new Rds
                {
                    RouteConfigName = routeName,
                    ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
                },
                HttpFilters = { new HttpFilter { Name = RouterFilter, TypedConfig = Any.Pack(new Router()) } },
            }),
        },
    };
}
